import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { clientInfo, CurrentCaller, Roles } from '../common/caller';
import type { AuthenticatedRequest, Caller } from '../common/caller';
import { CreateOrganisationDto, OrganisationView } from './dto/organisation.dto';
import { CreateOrganisationUseCase } from './use-cases/create-organisation/create-organisation.use-case';

@ApiTags('orgs 单位')
@ApiBearerAuth()
@Controller('orgs')
export class OrgsController {
  constructor(private readonly createOrganisation: CreateOrganisationUseCase) {}

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
