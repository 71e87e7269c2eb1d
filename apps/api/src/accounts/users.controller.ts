import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { clientInfo, CurrentCaller, Roles } from '../common/caller';
import type { AuthenticatedRequest, Caller } from '../common/caller';
import { CreateUserDto, UserListResponse, UserView } from './dto/user.dto';
import { CreateUserUseCase } from './use-cases/create-user/create-user.use-case';
import { ListUsersUseCase } from './use-cases/list-users/list-users.use-case';

@ApiTags('users 用户')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly listUsers: ListUsersUseCase,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: '用户列表（管理员）', description: '不含密码哈希与锁定信息；其他角色 403' })
  @ApiOkResponse({ type: UserListResponse })
  async list(): Promise<UserListResponse> {
    return { items: await this.listUsers.execute() };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '新建用户（管理员）', description: '密码不符合策略 422；用户名已存在 409' })
  @ApiCreatedResponse({ type: UserView })
  create(@Body() body: CreateUserDto, @CurrentCaller() caller: Caller, @Req() req: AuthenticatedRequest): Promise<UserView> {
    return this.createUser.execute({
      username: body.username,
      password: body.password,
      role: body.role,
      orgId: body.orgId ?? null,
      email: body.email ?? null,
      caller,
      requestId: clientInfo(req).requestId,
    });
  }
}
