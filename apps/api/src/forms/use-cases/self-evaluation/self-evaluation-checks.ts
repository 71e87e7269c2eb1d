import { Injectable } from '@nestjs/common';
import { scoreForm, ScoreResult, SelfEvaluation } from '@app/domain';
import { FormForEvent, ScoringRepository } from '@app/persistence';
import { SchemesService } from '@app/workflow';
import type { ErrorDetail } from '../../../common/api-error';

/** The self-evaluation of a form scored against its approved baseline, under its campaign's scheme. */
@Injectable()
export class SelfEvaluationChecks {
  constructor(
    private readonly scoring: ScoringRepository,
    private readonly schemes: SchemesService,
  ) {}

  /** The provisional score of `selfEvaluation` (the stored one when omitted); null without a baseline. */
  async score(form: FormForEvent, selfEvaluation?: SelfEvaluation): Promise<ScoreResult | null> {
    const baseline = await this.scoring.baseline(form.id);
    const input = selfEvaluation ?? (form.selfEvaluation as SelfEvaluation | null);
    if (!baseline) return null;
    const scheme = await this.schemes.forCampaign(form.campaign.schemeVersion);
    return scoreForm(
      { approvedAmount: baseline.approvedAmount, indicators: baseline.content.indicators },
      input ?? { budgetExecuted: '', indicators: [] },
      scheme,
    );
  }

  /** What the SUBMIT_SELF_EVALUATION guard needs, and every problem with its path for the 422. */
  async summary(form: FormForEvent): Promise<{ complete: boolean; problems: number; errors: ErrorDetail[] }> {
    const result = await this.score(form);
    if (!result) return { complete: false, problems: 1, errors: [{ path: 'baseline', rule: 'baseline.missing', message: '未找到批复版本，无法自评' }] };
    const errors = result.problems.errors.map((p) => ({ path: p.path, rule: p.rule, message: p.message }));
    return { complete: errors.length === 0, problems: errors.length, errors };
  }
}
