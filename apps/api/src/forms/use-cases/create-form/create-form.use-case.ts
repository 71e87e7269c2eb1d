import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { initialSnapshot, INITIAL_STATE } from '@app/domain';
import { CampaignRecord, CampaignsRepository, FormRecord, FormsRepository } from '@app/persistence';
import type { StoredContent } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { Clock } from '../../../common/clock';
import { departmentScope } from '../../../common/scope';
import type { FormBodyDto } from '../../dto/form-body.dto';
import { prepareContent } from '../../form-content';
import { journalActor } from '../../save-in-place';

/** POST /api/forms (unit): a draft in the caller's unit, for a campaign of its department. */
@Injectable()
export class CreateFormUseCase {
  constructor(
    private readonly forms: FormsRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(body: FormBodyDto, caller: Caller): Promise<FormRecord> {
    const campaign = await this.campaignForNewForms(body.campaignId, caller);
    const content = prepareContent(body);
    return this.insertDraft(content, campaign, caller);
  }

  /** The campaign a unit user may create forms in: one of its department (404 otherwise). */
  async campaignForNewForms(campaignId: string, caller: Caller): Promise<CampaignRecord> {
    if (caller.role !== 'unit' || !caller.orgId) throw ApiError.forbidden('只有实施单位可以填报申报表');
    const campaign = await this.campaigns.findInScope(campaignId, departmentScope(caller));
    if (!campaign) throw ApiError.notFound('申报批次不存在');
    return campaign;
  }

  /** Inserts a draft and its CREATE event (in the caller's transaction when given: the importer creates several at once). */
  async insertDraft(content: StoredContent, campaign: CampaignRecord, caller: Caller, m?: EntityManager): Promise<FormRecord> {
    const unitId = caller.orgId!;
    const id = randomUUID();
    const lifecycle = initialSnapshot({ formId: id, unitId, departmentId: campaign.departmentId });
    const at = this.clock.now().toISOString();
    const form = {
      id,
      campaignId: campaign.id,
      unitId,
      departmentId: campaign.departmentId,
      year: campaign.year,
      state: INITIAL_STATE,
      snapshot: lifecycle.snapshot,
      machineVersion: lifecycle.machineVersion,
      version: 1,
      content,
      requestedTotal: content.funds.total || null,
      approvedAmount: null,
      createdBy: caller.id,
    };
    await this.forms.insert(form, {
      type: 'CREATE',
      from: null,
      to: INITIAL_STATE,
      formVersion: 1,
      ...journalActor(caller),
      comment: null,
      payload: {},
      at,
    }, m);
    return { ...form, lastEventSeq: 1, lastEventHash: '', selfEvaluation: null, createdAt: new Date(at), updatedAt: new Date(at) };
  }
}
