import { Injectable } from '@nestjs/common';
import { CampaignReport, ReportFailure, summarizeCampaign, toShanghaiIso } from '@app/domain';
import { CampaignRecord, OrganisationsRepository, ReportsRepository } from '@app/persistence';
import { SchemesService } from './schemes.service';

/**
 * A campaign's department summary (DESIGN §4), built from PostgreSQL: the forms' states and stored
 * scores as report lines, summarised in the domain, with the lowest indicators taken in SQL across
 * all scores. The year-end batch stores it; the API also serves it live.
 */
@Injectable()
export class CampaignReports {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly orgs: OrganisationsRepository,
    private readonly schemes: SchemesService,
  ) {}

  /** `schemeVersion` overrides the campaign's (a rescoring under another scheme). */
  async summary(campaign: CampaignRecord, failures: ReportFailure[], now = new Date(), schemeVersion?: string): Promise<CampaignReport> {
    const scheme = await this.schemes.forCampaign(schemeVersion ?? campaign.schemeVersion);
    const summary = summarizeCampaign({
      campaign: {
        id: campaign.id,
        year: campaign.year,
        departmentName: (await this.orgs.findById(campaign.departmentId))?.name ?? '',
        schemeVersion: scheme.version,
      },
      lines: await this.reports.lines(campaign.id, scheme.version, now),
      failures,
      generatedAt: toShanghaiIso(now),
    });
    summary.lowestIndicators = await this.reports.lowestIndicators(campaign.id, scheme.version, 10);
    return summary;
  }
}
