import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { initialSnapshot, INITIAL_STATE } from '@app/domain';
import { CampaignsRepository, FormRecord, FormsRepository } from '@app/persistence';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { Clock } from '../../../common/clock';
import { departmentScope } from '../../../common/scope';
import type { FormBodyDto } from '../../dto/form-body.dto';
import { prepareContent } from '../../form-content';

/** POST /api/forms (unit): a draft in the caller's unit, for a campaign of its department. */
@Injectable()
export class CreateFormUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(body: FormBodyDto, caller: Caller): Promise<FormRecord> {
    if (caller.role !== 'unit' || !caller.orgId) throw ApiError.forbidden('只有实施单位可以填报申报表');
    const campaign = await this.campaigns.findInScope(body.campaignId, departmentScope(caller));
    if (!campaign) throw ApiError.notFound('申报批次不存在');
    const content = prepareContent(body);
    const id = randomUUID();
    const lifecycle = initialSnapshot({ formId: id, unitId: caller.orgId, departmentId: campaign.departmentId });
    const at = this.clock.now().toISOString();
    const form = {
      id,
      campaignId: campaign.id,
      unitId: caller.orgId,
      departmentId: campaign.departmentId,
      year: campaign.year,
      state: INITIAL_STATE,
      snapshot: lifecycle.snapshot,
      machineVersion: lifecycle.machineVersion,
      version: 1,
      content,
      requestedTotal: content.funds.total,
      approvedAmount: null,
      createdBy: caller.id,
    };
    await this.forms.transaction((m) =>
      this.forms.insert(m, form, {
        type: 'CREATE',
        from: null,
        to: INITIAL_STATE,
        formVersion: 1,
        actorId: caller.id,
        actorUsername: caller.username,
        actorRole: caller.role,
        actorOrgId: caller.orgId,
        comment: null,
        payload: {},
        at,
      }),
    );
    return { ...form, lastEventSeq: 1, lastEventHash: '', createdAt: new Date(at), updatedAt: new Date(at) };
  }
}
