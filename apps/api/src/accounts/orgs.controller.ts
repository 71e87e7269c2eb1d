import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { clientInfo, CurrentCaller, Roles } from '../common/caller';
import type { AuthenticatedRequest, Caller } from '../common/caller';
import { CreateOrganisationDto, OrganisationListResponse, OrganisationView } from './dto/organisation.dto';
import { CreateOrganisationUseCase } from './use-cases/create-organisation/create-organisation.use-case';
import { ListOrganisationsUseCase } from './use-cases/list-organisations/list-organisations.use-case';

@ApiTags('orgs 单位')
@ApiBearerAuth()
@Controller('orgs')
export class OrgsController {
  constructor(
    private readonly createOrganisation: CreateOrganisationUseCase,
    private readonly listOrganisations: ListOrganisationsUseCase,
  ) {}

  @Get()
  @ApiOperation({
    summary: '单位列表（仅本人可见范围）',
    description: '管理员：全部；审核人员：本主管部门及其下属实施单位；实施单位：本单位及其主管部门。主管部门在前，再按名称排序',
  })
  @ApiOkResponse({ type: OrganisationListResponse })
  async list(@CurrentCaller() caller: Caller): Promise<OrganisationListResponse> {
    const rows = await this.listOrganisations.execute(caller);
    return { items: rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, parentId: o.parentId })) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '新建主管部门或实施单位（管理员）' })
  @ApiCreatedResponse({ type: OrganisationView })
  async create(
    @Body() body: CreateOrganisationDto,
    @CurrentCaller() caller: Caller,
    @Req() req: AuthenticatedRequest,
  ): Promise<OrganisationView> {
    const org = await this.createOrganisation.execute({
      name: body.name,
      kind: body.kind,
      parentId: body.parentId ?? null,
      caller,
      requestId: clientInfo(req).requestId,
    });
    return { id: org.id, name: org.name, kind: org.kind, parentId: org.parentId };
  }
}
