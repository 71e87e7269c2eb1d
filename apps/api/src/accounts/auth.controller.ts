import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { clientInfo, CurrentCaller, Public } from '../common/caller';
import type { AuthenticatedRequest, Caller } from '../common/caller';
import { LoginDto, LoginResponse, MeResponse } from './dto/login.dto';
import { LoginUseCase } from './use-cases/login/login.use-case';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(private readonly login: LoginUseCase) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: '登录，返回访问令牌', description: '错误 401；连续 5 次失败锁定 30 分钟 423；频率限制 429' })
  @ApiOkResponse({ type: LoginResponse })
  async postLogin(@Body() body: LoginDto, @Req() req: AuthenticatedRequest): Promise<LoginResponse> {
    return this.login.execute({ username: body.username, password: body.password, ...clientInfo(req) });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentCaller() caller: Caller): MeResponse {
    return {
      id: caller.id,
      username: caller.username,
      role: caller.role,
      orgId: caller.orgId,
      departmentId: caller.departmentId,
      unitIds: caller.unitIds,
    };
  }
}
