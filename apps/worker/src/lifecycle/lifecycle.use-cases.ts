import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { scoreForm, ScoringBaseline, ScoringScheme, SelfEvaluation } from '@app/domain';
import { CampaignsRepository, FormsRepository, OutboxRepository, ScoringRepository } from '@app/persistence';
import { QUEUES } from '@app/queues';
import { OpenSelfEvaluationService, SchemesService } from '@app/workflow';

/** Hands outbox rows to their jobs after commit: enqueueScoring → a score-form job per submission. */
@Injectable()
export class RelayOutboxUseCase {
  constructor(
    private readonly outbox: OutboxRepository,
    @InjectQueue(QUEUES.lifecycle) private readonly queue: Queue,
  ) {}

  async execute(): Promise<number> {
    const rows = await this.outbox.claim(['enqueueScoring'], 500, 60_000);
    if (!rows.length) return 0;
    await this.queue.addBulk(
      rows.map((r) => ({
        name: 'score-form',
        data: { formId: r.formId! },
        // One job per submission: a repeated hand-over (crash before markProcessed) is ignored.
        opts: { jobId: `score-${r.formId}-${r.eventSeq}`, attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 1000 },
      })),
    );
    await this.outbox.markProcessed(rows.map((r) => r.id));
    return rows.length;
  }
}

/** Scores one loaded form; throws on a stored self-evaluation that is not one (a corrupt row must fail loudly). */
export function scoreLoaded(
  formId: string,
  selfEvaluation: unknown,
  baseline: { content: { indicators: ScoringBaseline['indicators'] }; approvedAmount: string },
  scheme: ScoringScheme,
) {
  if (!isSelfEvaluation(selfEvaluation)) throw new Error(`Form ${formId}: the stored self-evaluation is not one (corrupt row)`);
  return scoreForm({ approvedAmount: baseline.approvedAmount, indicators: baseline.content.indicators }, selfEvaluation, scheme);
}

function isSelfEvaluation(value: unknown): value is SelfEvaluation {
  const v = value as SelfEvaluation | null;
  return (
    typeof v === 'object' && v !== null && typeof v.budgetExecuted === 'string' && Array.isArray(v.indicators) &&
    v.indicators.every((i) => typeof i === 'object' && i !== null && typeof i.indicatorId === 'string')
  );
}

/** Scores a submitted self-evaluation against the approved baseline under the campaign's scheme. */
@Injectable()
export class ScoreFormUseCase {
  private readonly logger = new Logger(ScoreFormUseCase.name);

  constructor(
    private readonly forms: FormsRepository,
    private readonly scoring: ScoringRepository,
    private readonly schemes: SchemesService,
  ) {}

  async execute(formId: string): Promise<{ total: string; grade: string } | null> {
    const form = await this.forms.findForEvent(formId, { kind: 'all' });
    const baseline = form && (await this.scoring.baseline(formId));
    if (!form || !baseline || !form.selfEvaluation) {
      this.logger.warn(`Form ${formId}: nothing to score`);
      return null;
    }
    const scheme = await this.schemes.forCampaign(form.campaign.schemeVersion);
    const result = scoreLoaded(formId, form.selfEvaluation, baseline, scheme);
    await this.scoring.saveScore({ formId, schemeVersion: scheme.version, total: result.total, grade: result.grade, result, formVersion: form.version });
    return { total: result.total, grade: result.grade };
  }
}

/** At each campaign's selfEvaluationOpensAt: OPEN_SELF_EVALUATION for its approved forms, as the system. */
@Injectable()
export class OpenDueSelfEvaluationsUseCase {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly opener: OpenSelfEvaluationService,
  ) {}

  async execute(now: Date): Promise<number> {
    let opened = 0;
    for (const id of await this.campaigns.selfEvaluationDue(now)) opened += (await this.opener.openCampaign(id, now)).opened;
    return opened;
  }
}
