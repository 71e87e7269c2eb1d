import { Injectable } from '@nestjs/common';
import { importAndCheck, ImportedForm, ImportFinding } from '@app/domain';
import { CampaignRecord, CampaignsRepository, FormsRepository, OrganisationsRepository } from '@app/persistence';
import { ApiError, ErrorDetail } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { departmentScope } from '../../../common/scope';
import { prepareContent } from '../../form-content';
import { CreateFormUseCase } from '../create-form/create-form.use-case';

export interface ImportCommand {
  text: string;
  campaignId?: string;
  dryRun: boolean;
  caller: Caller;
}

export interface ImportResponse {
  forms: ImportedForm[];
  warnings: ImportFinding[];
  created: string[];
}

/**
 * POST /api/forms/import: the text of published 申报表 → parsed form bodies with what the importer
 * and the pre-checks say. With dryRun=false every form becomes a draft of the caller's unit in one
 * transaction — all or none, so a failed import leaves nothing half-created.
 */
@Injectable()
export class ImportFormsUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly orgs: OrganisationsRepository,
    private readonly createForm: CreateFormUseCase,
  ) {}

  async execute(cmd: ImportCommand): Promise<ImportResponse> {
    if (!cmd.text.trim()) throw ApiError.badRequest('请求体为空：请提交申报表的文本');
    let campaign: CampaignRecord | null = null;
    if (!cmd.dryRun) {
      if (!cmd.campaignId) throw ApiError.validation([{ path: 'campaignId', rule: 'import.campaignRequired', message: '导入创建草稿时须指定申报批次 campaignId' }]);
      campaign = await this.createForm.campaignForNewForms(cmd.campaignId, cmd.caller);
    } else if (cmd.campaignId) {
      campaign = await this.campaigns.findInScope(cmd.campaignId, departmentScope(cmd.caller));
      if (!campaign) throw ApiError.notFound('申报批次不存在');
    }

    const result = importAndCheck(cmd.text, { year: campaign?.year });
    const warnings = result.warnings;
    const unitName = cmd.caller.role === 'unit' && cmd.caller.orgId ? (await this.orgs.findById(cmd.caller.orgId))?.name : undefined;
    result.forms.forEach((form, i) => warnings.push(...this.campaignFindings(form, i, campaign, unitName)));
    if (cmd.dryRun) return { forms: result.forms, warnings, created: [] };

    if (!result.forms.length) throw ApiError.validation([{ path: 'body', rule: 'import.noForms', message: '文本中未识别到申报表' }]);
    const contents = result.forms.map((form, i) => {
      try {
        return prepareContent(form);
      } catch (err) {
        if (err instanceof ApiError) {
          throw ApiError.validation(
            (err.details as ErrorDetail[]).map((d) => ({ ...d, path: `forms[${i}].${d.path}` })),
            `第 ${i + 1} 张申报表有无法识别的内容，未导入任何申报表`,
          );
        }
        throw err;
      }
    });
    const created = await this.forms.transaction(async (m) => {
      const ids: string[] = [];
      for (const content of contents) ids.push((await this.createForm.insertDraft(content, campaign!, cmd.caller, m)).id);
      return ids;
    });
    return { forms: result.forms, warnings, created };
  }

  /** What only the campaign and the caller can tell: a different year, a different unit. */
  private campaignFindings(form: ImportedForm, index: number, campaign: CampaignRecord | null, unitName: string | undefined): ImportFinding[] {
    const findings: ImportFinding[] = [];
    if (campaign && form.year !== null && form.year !== campaign.year) {
      findings.push({ form: index, source: 'campaign', path: 'year', severity: 'warning', message: `文本为 ${form.year} 年度，而申报批次为 ${campaign.year} 年度` });
    }
    if (unitName && form.unitName && form.unitName !== unitName) {
      findings.push({ form: index, source: 'campaign', path: 'unitName', severity: 'warning', message: `文本中的实施单位“${form.unitName}”与当前单位“${unitName}”不一致；导入的草稿属于当前单位` });
    }
    return findings;
  }
}
