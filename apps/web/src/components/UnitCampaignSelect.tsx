// The 申报批次 chooser shared by the forms list, the editor and the import page: campaigns in the
// caller's scope, each named "2024 年度 · <主管部门>", newest first.
import { api } from '../api';
import type { Campaign, Org } from '../types';
import { Async, useAsync } from '../ui';

export interface CampaignOption {
  campaign: Campaign;
  label: string;
}

export interface CampaignChoices {
  options: CampaignOption[];
  orgs: Map<string, Org>;
}

export function campaignLabel(campaign: Campaign, orgs: Map<string, Org>): string {
  const dept = orgs.get(campaign.departmentId)?.name ?? '主管部门';
  return `${campaign.year} 年度 · ${dept}`;
}

/** Loads GET /api/campaigns and GET /api/orgs together. */
export function useCampaignChoices(): Async<CampaignChoices> {
  return useAsync(async () => {
    const [campaigns, orgs] = await Promise.all([
      api<{ items: Campaign[] }>('GET', '/api/campaigns'),
      // The organisation names are only for labels: without them the campaigns still work.
      api<{ items: Org[] }>('GET', '/api/orgs').catch(() => ({ items: [] as Org[] })),
    ]);
    const byId = new Map(orgs.items.map((o) => [o.id, o]));
    const options = [...campaigns.items]
      .sort((a, b) => b.year - a.year || a.declarationDeadline.localeCompare(b.declarationDeadline))
      .map((campaign) => ({ campaign, label: campaignLabel(campaign, byId) }));
    return { options, orgs: byId };
  }, []);
}

export function CampaignSelect({
  id = 'campaign',
  options,
  value,
  onChange,
  allowAll,
  required,
  disabled,
  invalid,
}: {
  id?: string;
  options: CampaignOption[];
  value: string;
  onChange(value: string): void;
  /** Offer "全部批次" (empty value). */
  allowAll?: boolean;
  required?: boolean;
  disabled?: boolean;
  invalid?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>申报批次</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required={required} disabled={disabled} aria-invalid={invalid || undefined}>
        {allowAll ? <option value="">全部批次</option> : <option value="">请选择申报批次</option>}
        {options.map((o) => (
          <option key={o.campaign.id} value={o.campaign.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
