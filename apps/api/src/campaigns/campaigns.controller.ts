import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CampaignsRepository } from '@app/persistence';
import { OpenSelfEvaluationService } from '@app/workflow';
import { Clock } from '../common/clock';
import { ApiError } from '../common/api-error';
import { CurrentCaller, Roles } from '../common/caller';
import type { Caller } from '../common/caller';
import { departmentScope } from '../common/scope';
import { campaignView } from './campaign-view';
import { CampaignView, CreateCampaignDto, ListCampaignsQuery } from './dto/campaign.dto';
import { CreateCampaignUseCase } from './use-cases/create-campaign/create-campaign.use-case';

/** A malformed id is answered like a missing one. */
const CampaignId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('申报批次不存在') }));

@ApiTags('campaigns 申报批次')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly createCampaign: CreateCampaignUseCase,
    private readonly campaigns: CampaignsRepository,
    private readonly opener: OpenSelfEvaluationService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('admin', 'reviewer')
  @ApiOperation({ summary: '新建年度申报批次（管理员，或本部门审核人员）' })
  @ApiCreatedResponse({ type: CampaignView })
  async create(@Body() body: CreateCampaignDto, @CurrentCaller() caller: Caller): Promise<CampaignView> {
    return campaignView(await this.createCampaign.execute(body, caller));
  }

  @Get()
  @ApiOperation({ summary: '申报批次列表（仅本人可见范围）' })
  @ApiOkResponse({ type: [CampaignView] })
  async list(@Query() query: ListCampaignsQuery, @CurrentCaller() caller: Caller): Promise<{ items: CampaignView[] }> {
    const rows = await this.campaigns.listInScope(departmentScope(caller), query);
    return { items: rows.map(campaignView) };
  }

  @Post(':id/open-self-evaluation')
  @HttpCode(200)
  @ApiOperation({ summary: '提前开启年终自评（管理员）', description: '对本批次所有已批复的申报表执行 OPEN_SELF_EVALUATION' })
  async openSelfEvaluation(@CampaignId() id: string, @CurrentCaller() caller: Caller): Promise<{ opened: number; skipped: number }> {
    // Scope first (404 like a missing id), then the role (403 for a campaign the caller can see).
    const campaign = await this.campaigns.findInScope(id, departmentScope(caller));
    if (!campaign) throw ApiError.notFound('申报批次不存在');
    if (caller.role !== 'admin') throw ApiError.forbidden('只有系统管理员可以提前开启年终自评');
    return this.opener.openCampaign(id, this.clock.now(), { id: caller.id, username: caller.username, role: caller.role, orgId: caller.orgId });
  }

  @Get(':id')
  @ApiOperation({ summary: '申报批次详情' })
  @ApiOkResponse({ type: CampaignView })
  async get(@CampaignId() id: string, @CurrentCaller() caller: Caller): Promise<CampaignView> {
    const campaign = await this.campaigns.findInScope(id, departmentScope(caller));
    if (!campaign) throw ApiError.notFound('申报批次不存在');
    return campaignView(campaign);
  }
}
