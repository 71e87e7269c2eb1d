import { Injectable } from '@nestjs/common';
import { SelfEvaluation } from '@app/domain';
import { FormsRepository, OrganisationsRepository, ScoringRepository } from '@app/persistence';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { selfEvaluationWorkbook } from '../../../exports';
import { formScope } from '../../form-scope';
import { GetScoreUseCase } from './get-score.use-case';

/** GET /api/forms/:id/self-evaluation/export.xlsx: the 项目支出绩效自评表 with the (stored or provisional) score. */
@Injectable()
export class ExportSelfEvaluationUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly orgs: OrganisationsRepository,
    private readonly scoring: ScoringRepository,
    private readonly scores: GetScoreUseCase,
  ) {}

  async execute(id: string, caller: Caller): Promise<{ fileName: string; data: Buffer }> {
    const form = await this.forms.findInScope(id, formScope(caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    const baseline = await this.scoring.baseline(id);
    if (!baseline || !form.selfEvaluation) throw ApiError.notFound('尚未填报年终自评');
    const score = await this.scores.execute(id, caller);
    const [unit, department] = await Promise.all([this.orgs.findById(form.unitId), this.orgs.findById(form.departmentId)]);
    const data = await selfEvaluationWorkbook({
      year: form.year,
      projectName: baseline.content.projectName,
      departmentName: department?.name ?? '',
      unitName: unit?.name ?? '',
      score,
      baseline: { indicators: baseline.content.indicators },
      selfEvaluation: form.selfEvaluation as SelfEvaluation,
      approvedAmount: baseline.approvedAmount,
      initialBudget: baseline.content.funds.total || null,
    });
    return { fileName: `${form.year}年度绩效自评表-${baseline.content.projectName || form.id}.xlsx`, data };
  }
}
