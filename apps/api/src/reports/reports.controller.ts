import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toShanghaiIso } from '@app/domain';
import { CampaignRecord, CampaignsRepository, ReportsRepository } from '@app/persistence';
import { CampaignReports } from '@app/workflow';
import { ApiError } from '../common/api-error';
import { CurrentCaller } from '../common/caller';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { departmentScope } from '../common/scope';
import { RunReportUseCase } from './run-report.use-case';
import { campaignReportWorkbook } from '../exports';
import { xlsxDownload } from '../forms/forms.controller';

export class SchemeChoice {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  schemeVersion?: string;
}

const CampaignId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('申报批次不存在') }));

/** Department reports (reviewers of the department, admins): live summary, the year-end batch, xlsx. */
@ApiTags('reports 报告')
@ApiBearerAuth()
@Controller('reports/campaigns')
export class ReportsController {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly reports: ReportsRepository,
    private readonly summaries: CampaignReports,
    private readonly run: RunReportUseCase,
    private readonly clock: Clock,
  ) {}

  /** Scope first (404 like a missing id), then the role (403 to a unit user who can see the campaign). */
  private async campaignFor(id: string, caller: Caller): Promise<CampaignRecord> {
    const campaign = await this.campaigns.findInScope(id, departmentScope(caller));
    if (!campaign) throw ApiError.notFound('申报批次不存在');
    if (caller.role === 'unit') throw ApiError.forbidden('只有主管部门审核人员或管理员可以查看报告');
    return campaign;
  }

  @Get(':id')
  @ApiOperation({
    summary: '批次报告：各状态数量、等级分布、平均分与按预算加权平均分、逾期、得分最低指标',
    description: '数据为当前实时汇总；batch 为最近一次年终批量评分（含未能处理的部分）',
  })
  async get(@CampaignId() id: string, @Query() q: SchemeChoice, @CurrentCaller() caller: Caller) {
    const campaign = await this.campaignFor(id, caller);
    const last = await this.reports.latest(id);
    const summary = await this.summaries.summary(campaign, last?.summary?.failures ?? [], this.clock.now(), q.schemeVersion);
    return {
      ...summary,
      batch: last && {
        reportId: last.id,
        status: last.status,
        startedAt: toShanghaiIso(last.createdAt),
        finishedAt: last.finishedAt ? toShanghaiIso(last.finishedAt) : null,
      },
    };
  }

  @Get(':id/report.xlsx')
  @ApiOperation({ summary: '批次报告（xlsx：汇总、逾期、得分最低指标、各申报表、未能处理）' })
  async xlsx(@CampaignId() id: string, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const campaign = await this.campaignFor(id, caller);
    const last = await this.reports.latest(id);
    const now = this.clock.now();
    const summary = await this.summaries.summary(campaign, last?.summary?.failures ?? [], now);
    const lines = await this.reports.lines(id, summary.schemeVersion, now);
    return xlsxDownload(res, { fileName: `${campaign.year}年度绩效报告-${summary.departmentName}.xlsx`, data: await campaignReportWorkbook(summary, lines) });
  }

  @Post(':id/run')
  @HttpCode(202)
  @ApiOperation({ summary: '启动年终批量评分并生成报告（BullMQ flow：每块申报表一个子任务）' })
  async start(@CampaignId() id: string, @Body() body: SchemeChoice, @CurrentCaller() caller: Caller) {
    return this.run.execute(await this.campaignFor(id, caller), caller, body.schemeVersion);
  }
}
