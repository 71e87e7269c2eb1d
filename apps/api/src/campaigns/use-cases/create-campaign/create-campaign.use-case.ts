import { Injectable } from '@nestjs/common';
import { checkCampaign, defaultSelfEvaluationOpensAt, reminderSchedule } from '@app/domain';
import { CampaignRecord, CampaignsRepository, OrganisationsRepository, RemindersRepository, ScoringRepository } from '@app/persistence';
import { Clock } from '../../../common/clock';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import type { CreateCampaignDto } from '../../dto/campaign.dto';

const DEFAULT_OFFSETS = ['P7D', 'P3D', 'P1D'];

/** POST /api/campaigns: an admin for any department, a reviewer for its own. */
@Injectable()
export class CreateCampaignUseCase {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly orgs: OrganisationsRepository,
    private readonly reminders: RemindersRepository,
    private readonly scoring: ScoringRepository,
    private readonly clock: Clock,
  ) {}

  async execute(body: CreateCampaignDto, caller: Caller): Promise<CampaignRecord> {
    if (caller.role === 'reviewer' && body.departmentId !== caller.departmentId) {
      throw ApiError.forbidden('审核人员只能为本部门创建申报批次');
    }
    const settings = {
      year: body.year,
      declarationDeadline: body.declarationDeadline,
      reviewWorkingDays: body.reviewWorkingDays,
      resubmitWorkingDays: body.resubmitWorkingDays,
      selfEvaluationOpensAt: body.selfEvaluationOpensAt ?? defaultSelfEvaluationOpensAt(body.year),
      selfEvaluationDeadline: body.selfEvaluationDeadline,
      reminderOffsets: body.reminderOffsets ?? DEFAULT_OFFSETS,
    };
    const problems = checkCampaign(settings);
    const department = await this.orgs.findById(body.departmentId);
    if (!department || department.kind !== 'department') {
      problems.push({ path: 'departmentId', rule: 'campaign.department', message: '主管部门不存在' });
    }
    if (body.schemeVersion && !(await this.scoring.scheme(body.schemeVersion))) {
      problems.push({ path: 'schemeVersion', rule: 'campaign.scheme', message: `评分方案“${body.schemeVersion}”未登记` });
    }
    if (problems.length) throw ApiError.validation(problems);
    // The declaration deadline is campaign-wide: its reminders reach the drafts when they fire (DESIGN §3).
    const dueAt = new Date(settings.declarationDeadline);
    const reminders = reminderSchedule('declaration', dueAt, settings.reminderOffsets, this.clock.now());
    return this.campaigns.transaction(async (m) => {
      const campaign = await this.campaigns.create({ ...settings, departmentId: body.departmentId, schemeVersion: body.schemeVersion ?? null, createdBy: caller.id }, m);
      await this.reminders.scheduleCampaignDeadline(campaign.id, { kind: 'declaration', dueAt, reminders }, m);
      return campaign;
    });
  }
}
