import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { clientInfo, CurrentCaller, Roles } from '../common/caller';
import type { AuthenticatedRequest, Caller } from '../common/caller';
import { CreateUserDto, UserView } from './dto/user.dto';
import { CreateUserUseCase } from './use-cases/create-user/create-user.use-case';

@ApiTags('users 用户')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly createUser: CreateUserUseCase) {}

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
