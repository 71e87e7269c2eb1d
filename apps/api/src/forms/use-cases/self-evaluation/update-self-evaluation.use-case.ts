import { Injectable } from '@nestjs/common';
import { ScoreResult, SelfEvaluation } from '@app/domain';
import { FormsRepository, NextDeadlineRecord } from '@app/persistence';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { Clock } from '../../../common/clock';
import type { SelfEvaluationDto } from '../../dto/self-evaluation.dto';
import { versionConflict } from '../../form-errors';
import { formScope } from '../../form-scope';
import { formView, FormView } from '../../form-view';
import { saveInPlace } from '../../save-in-place';
import { SelfEvaluationChecks } from './self-evaluation-checks';

// Problems that make a score wrong rather than incomplete: refused at once (issue: "a unit mismatch is a 422").
const REFUSED_AT_ONCE = new Set(['actual.unitMismatch', 'selfEvaluation.unknownIndicator', 'selfEvaluation.duplicateIndicator']);

/**
 * PUT /api/forms/:id/self-evaluation (unit, state 年终自评): stores the self-evaluation as an event of
 * the form (based on the version read) and answers with the provisional score. Incomplete content is
 * kept and reported; SUBMIT_SELF_EVALUATION refuses it until complete.
 */
@Injectable()
export class UpdateSelfEvaluationUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly checks: SelfEvaluationChecks,
    private readonly clock: Clock,
  ) {}

  async execute(
    id: string,
    body: SelfEvaluationDto,
    caller: Caller,
  ): Promise<{ view: FormView & { score: ScoreResult }; nextDeadline: NextDeadlineRecord | null }> {
    const form = await this.forms.findForEvent(id, formScope(caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    if (caller.role !== 'unit') throw ApiError.forbidden('只有实施单位可以填报年终自评');
    if (form.state !== 'selfEvaluation') {
      throw new ApiError(409, 'NOT_EDITABLE', '只有“年终自评”状态的申报表可以填报自评', [{ currentState: form.state }]);
    }
    if (body.version !== form.version) throw versionConflict(form.version);
    const { version: _v, ...content } = body;
    const selfEvaluation = content as SelfEvaluation;
    const score = await this.checks.score(form, selfEvaluation);
    if (!score) throw ApiError.conflict('未找到批复版本，无法自评');
    const refused = score.problems.errors.filter((p) => REFUSED_AT_ONCE.has(p.rule));
    if (refused.length) throw ApiError.validation(refused.map((p) => ({ path: p.path, rule: p.rule, message: p.message })), '实际完成值无法评分');

    const { form: after, nextDeadline } = await saveInPlace(this.forms, form, caller, this.clock.now().toISOString(), 'SELF_EVALUATION_UPDATE', {
      selfEvaluation: content,
      payload: { total: score.total },
    });
    return { view: { ...formView(after, caller), score }, nextDeadline };
  }
}
