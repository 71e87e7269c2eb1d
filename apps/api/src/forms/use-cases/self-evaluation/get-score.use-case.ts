import { Injectable } from '@nestjs/common';
import { ScoreResult, toShanghaiIso } from '@app/domain';
import { FormsRepository, ScoringRepository } from '@app/persistence';
import { SchemesService } from '@app/workflow';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { formScope } from '../../form-scope';
import { SelfEvaluationChecks } from './self-evaluation-checks';

const SUBMITTED = new Set(['selfEvaluationReview', 'completed']);

export type ScoreView = ScoreResult & { provisional: boolean; computedAt: string | null };

/**
 * GET /api/forms/:id/score: the stored score (computed by the worker after SUBMIT_SELF_EVALUATION,
 * under the campaign's scheme), or while none is stored the provisional score of the current
 * self-evaluation.
 */
@Injectable()
export class GetScoreUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly scoring: ScoringRepository,
    private readonly checks: SelfEvaluationChecks,
    private readonly schemes: SchemesService,
  ) {}

  async execute(id: string, caller: Caller): Promise<ScoreView> {
    const form = await this.forms.findForEvent(id, formScope(caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    const version = (await this.schemes.forCampaign(form.campaign.schemeVersion)).version;
    // Once submitted, the worker's stored score is the score; while the unit edits (年终自评, also
    // after 退回自评) the current entries are scored provisionally.
    const stored = SUBMITTED.has(form.state) ? await this.scoring.score(id, version) : null;
    if (stored) {
      return { ...(stored.result as ScoreResult), provisional: false, computedAt: toShanghaiIso(stored.computedAt) };
    }
    if (!form.selfEvaluation) throw ApiError.notFound('尚未填报年终自评');
    const score = await this.checks.score(form);
    if (!score) throw ApiError.notFound('尚未填报年终自评');
    return { ...score, provisional: true, computedAt: null };
  }
}
