import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { ReportFailure } from '@app/domain';
import { CampaignsRepository, ReportsRepository, ScoringRepository } from '@app/persistence';
import { QUEUES } from '@app/queues';
import { CampaignReports, SchemesService } from '@app/workflow';
import { scoreLoaded } from '../lifecycle/lifecycle.use-cases';

/**
 * Child of the year-end flow: scores the self-evaluated forms of one chunk that have no current
 * score — one query to load them, scoring in memory, one statement to store the scores.
 */
@Injectable()
export class ScoreChunkUseCase {
  constructor(
    private readonly scoring: ScoringRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly schemes: SchemesService,
  ) {}

  async execute(campaignId: string, formIds: string[], schemeVersion?: string): Promise<{ forms: number; scored: number }> {
    const campaign = await this.campaigns.findInScope(campaignId, null);
    const scheme = await this.schemes.forCampaign(schemeVersion ?? campaign?.schemeVersion ?? null);
    const todo = await this.scoring.toScore(formIds, scheme.version);
    const scores = todo.map((f) => {
      const result = scoreLoaded(f.formId, f.selfEvaluation, f, scheme);
      return { formId: f.formId, schemeVersion: scheme.version, total: result.total, grade: result.grade, result, formVersion: f.version };
    });
    await this.scoring.saveScores(scores);
    return { forms: formIds.length, scored: scores.length };
  }
}

/**
 * Parent of the year-end flow: runs once every chunk has finished or failed (children ignore their
 * failure for the parent), summarises the campaign and lists the chunks that failed.
 */
@Injectable()
export class CampaignReportUseCase {
  private readonly logger = new Logger(CampaignReportUseCase.name);

  constructor(
    private readonly reports: ReportsRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly summaries: CampaignReports,
    @InjectQueue(QUEUES.reports) private readonly queue: Queue,
  ) {}

  async execute(reportId: string, campaignId: string, job: Job, schemeVersion?: string): Promise<{ forms: number; failures: number }> {
    try {
      const campaign = await this.campaigns.findInScope(campaignId, null);
      if (!campaign) throw new Error(`campaign ${campaignId} not found`);
      const summary = await this.summaries.summary(campaign, await this.failures(job), new Date(), schemeVersion);
      await this.reports.finish(reportId, summary);
      return { forms: summary.forms, failures: summary.failures.length };
    } catch (err) {
      await this.reports.fail(reportId);
      this.logger.error(`Report ${reportId} failed: ${(err as Error).message}`);
      throw err;
    }
  }

  /** The chunks that failed, with their forms and the error, from the children BullMQ kept aside. */
  private async failures(job: Job): Promise<ReportFailure[]> {
    const failed = await job.getIgnoredChildrenFailures();
    const out: ReportFailure[] = [];
    for (const [key, message] of Object.entries(failed)) {
      const child = await this.queue.getJob(key.split(':').pop()!);
      out.push({ formIds: (child?.data as { formIds?: string[] } | undefined)?.formIds ?? [], message: String(message) });
    }
    return out;
  }
}
