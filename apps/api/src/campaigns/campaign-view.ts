import { toShanghaiIso } from '@app/domain';
import type { CampaignRecord } from '@app/persistence';
import type { CampaignView } from './dto/campaign.dto';

/** A campaign as API responses show it: instants in Asia/Shanghai with their offset. */
export function campaignView(c: CampaignRecord): CampaignView {
  return {
    id: c.id,
    year: c.year,
    departmentId: c.departmentId,
    declarationDeadline: toShanghaiIso(c.declarationDeadline),
    reviewWorkingDays: c.reviewWorkingDays,
    resubmitWorkingDays: c.resubmitWorkingDays,
    selfEvaluationOpensAt: toShanghaiIso(c.selfEvaluationOpensAt),
    selfEvaluationDeadline: toShanghaiIso(c.selfEvaluationDeadline),
    reminderOffsets: c.reminderOffsets,
    schemeVersion: c.schemeVersion,
    createdAt: toShanghaiIso(c.createdAt),
  };
}
