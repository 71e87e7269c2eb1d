import { Inject, Injectable } from '@nestjs/common';
import { FlowProducer } from 'bullmq';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { CampaignRecord, ReportsRepository, ScoringRepository } from '@app/persistence';
import { ApiError } from '../common/api-error';
import { bullConnection, QUEUES } from '@app/queues';
import { SchemesService } from '@app/workflow';
import type { Caller } from '../common/caller';

/**
 * Starts the year-end batch of a campaign as one BullMQ flow: a child per chunk of forms (each scores
 * the self-evaluated forms that have no current score) and the department report in the parent. A
 * failing chunk does not hold the report back: it is listed in it.
 */
@Injectable()
export class RunReportUseCase {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly schemes: SchemesService,
    private readonly scoring: ScoringRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `schemeVersion`: rescore under another registered scheme; the scores of the others stay. */
  async execute(campaign: CampaignRecord, caller: Caller, schemeVersion?: string): Promise<{ reportId: string; chunks: number; forms: number; schemeVersion: string }> {
    if (schemeVersion && !(await this.scoring.scheme(schemeVersion))) {
      throw ApiError.validation([{ path: 'schemeVersion', rule: 'report.scheme', message: `评分方案“${schemeVersion}”未登记` }]);
    }
    const scheme = await this.schemes.forCampaign(schemeVersion ?? campaign.schemeVersion);
    const reportId = await this.reports.start(campaign.id, scheme.version, caller.id);
    const ids = await this.reports.formIds(campaign.id);
    const size = this.config.reportChunkSize;
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
    // A producer per run (runs are rare): a long-lived one would hold shutdown up while Redis is away.
    const flows = new FlowProducer({ connection: bullConnection(this.config.redisUrl), prefix: this.config.queuePrefix });
    try {
      await this.addFlow(flows, reportId, campaign.id, scheme.version, chunks);
    } finally {
      await flows.close();
    }
    return { reportId, chunks: chunks.length, forms: ids.length, schemeVersion: scheme.version };
  }

  private async addFlow(flows: FlowProducer, reportId: string, campaignId: string, schemeVersion: string, chunks: string[][]): Promise<void> {
    await flows.add({
      name: 'campaign-report',
      queueName: QUEUES.reports,
      data: { reportId, campaignId, schemeVersion },
      opts: { jobId: `report-${reportId}`, removeOnComplete: 100, removeOnFail: 100 },
      children: chunks.map((formIds, k) => ({
        name: 'report-chunk',
        queueName: QUEUES.reports,
        data: { reportId, campaignId, formIds, schemeVersion },
        opts: { jobId: `report-${reportId}-${k}`, ignoreDependencyOnFailure: true, attempts: 2, backoff: { type: 'fixed', delay: 500 } },
      })),
    });
  }
}
