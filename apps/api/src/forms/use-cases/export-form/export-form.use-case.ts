import { Injectable } from '@nestjs/common';
import { FormsRepository, OrganisationsRepository } from '@app/persistence';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { formWorkbook } from '../../export/form-workbook';
import { formScope } from '../../form-scope';

/** GET /api/forms/:id/export.xlsx: the 申报表 as a workbook, for whoever may see the form. */
@Injectable()
export class ExportFormUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly orgs: OrganisationsRepository,
  ) {}

  async execute(id: string, caller: Caller): Promise<{ fileName: string; data: Buffer }> {
    const form = await this.forms.findInScope(id, formScope(caller));
    if (!form) throw ApiError.notFound('申报表不存在');
    const [unit, department] = await Promise.all([this.orgs.findById(form.unitId), this.orgs.findById(form.departmentId)]);
    const data = await formWorkbook({
      year: form.year,
      departmentName: department?.name ?? '',
      unitName: unit?.name ?? '',
      content: form.content,
      approvedAmount: form.approvedAmount,
    });
    return { fileName: `${form.year}年度绩效目标申报表-${form.content.projectName || form.id}.xlsx`, data };
  }
}
