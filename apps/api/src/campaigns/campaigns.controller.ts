import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CampaignsRepository } from '@app/persistence';
import { ApiError } from '../common/api-error';
import { CurrentCaller, Roles } from '../common/caller';
import type { Caller } from '../common/caller';
import { departmentScope } from '../common/scope';
import { campaignView } from './campaign-view';
import { CampaignView, CreateCampaignDto, ListCampaignsQuery } from './dto/campaign.dto';
import { CreateCampaignUseCase } from './use-cases/create-campaign/create-campaign.use-case';

@ApiTags('campaigns 申报批次')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly createCampaign: CreateCampaignUseCase,
    private readonly campaigns: CampaignsRepository,
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

  @Get(':id')
  @ApiOperation({ summary: '申报批次详情' })
  @ApiOkResponse({ type: CampaignView })
  async get(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound() })) id: string, @CurrentCaller() caller: Caller): Promise<CampaignView> {
    const campaign = await this.campaigns.findInScope(id, departmentScope(caller));
    if (!campaign) throw ApiError.notFound('申报批次不存在');
    return campaignView(campaign);
  }
}
