import { Injectable } from '@nestjs/common';
import { FormContent, IndicatorInput, parseTarget, runPrechecks, shanghaiDate } from '@app/domain';
import { CampaignsRepository } from '@app/persistence';
import { ApiError } from '../../../common/api-error';
import type { Caller } from '../../../common/caller';
import { Clock } from '../../../common/clock';
import { departmentScope } from '../../../common/scope';
import type { PrecheckFormDto, PrecheckResponse } from '../../dto/precheck.dto';

/** Content as the pre-checks take it: whatever is missing counts as blank (and is reported as such). */
export function precheckContent(body: PrecheckFormDto): FormContent {
  return {
    projectName: body.projectName ?? '',
    nature: body.nature ?? '',
    category: body.category ?? '',
    plannedStart: body.plannedStart ?? '',
    plannedEnd: body.plannedEnd ?? '',
    funds: {
      total: body.funds?.total ?? '',
      currentYear: body.funds?.currentYear ?? '',
      carryOver: body.funds?.carryOver ?? '',
      other: body.funds?.other ?? '',
    },
    overallGoal: body.overallGoal ?? '',
    annualGoal: body.annualGoal ?? '',
    indicators: (body.indicators ?? []).map((i): IndicatorInput => {
      const indicator: IndicatorInput = { level1: i.level1 ?? '', level2: i.level2 ?? '', name: i.name ?? '', target: i.target ?? '' };
      if (typeof i.weight === 'string') indicator.weight = i.weight;
      return indicator;
    }),
  };
}

/**
 * POST /api/forms/precheck (any signed-in role): the target parser and the pre-checks on content
 * being typed, exactly as a form view's `warnings` would show them. Nothing is stored. The budget
 * year is the campaign's when one is named (it must be in the caller's scope: 404 otherwise), else
 * the current year in Asia/Shanghai.
 */
@Injectable()
export class PrecheckFormUseCase {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(body: PrecheckFormDto, caller: Caller): Promise<PrecheckResponse> {
    let year = Number(shanghaiDate(this.clock.now()).slice(0, 4));
    // null (as a page may send for "no campaign chosen yet") counts as absent, like every other field.
    if (body.campaignId) {
      const campaign = await this.campaigns.findInScope(body.campaignId, departmentScope(caller));
      if (!campaign) throw ApiError.notFound('申报批次不存在');
      year = campaign.year;
    }
    const content = precheckContent(body);
    const checks = runPrechecks({ year, content });
    return {
      indicators: content.indicators.map((i, index) => {
        const parsed = parseTarget(i.target);
        return parsed.kind === 'error' ? { index, parsedTarget: null, targetError: parsed.message } : { index, parsedTarget: parsed };
      }),
      findings: [...checks.errors, ...checks.warnings].map((f) => ({ path: f.path, rule: f.rule, severity: f.severity, message: f.message })),
    };
  }
}
