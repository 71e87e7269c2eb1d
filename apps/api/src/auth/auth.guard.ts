import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../common/api-error';
import { AuthenticatedRequest, IS_PUBLIC } from '../common/caller';
import { CallerCache } from './caller-cache';
import { TokenService } from './token.service';

/**
 * Global guard: every route but the @Public() ones needs a valid bearer token. The caller is loaded
 * through the CallerCache, so a changed role or organisation applies within AUTH_CACHE_SECONDS.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly callers: CallerCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(req.headers.authorization ?? '');
    if (!match) throw ApiError.unauthenticated('缺少访问令牌，请先登录');
    const claims = await this.tokens.verify(match[1]);
    if (!claims) throw ApiError.unauthenticated('访问令牌无效或已过期，请重新登录');
    const caller = await this.callers.get(claims.sub);
    if (!caller) throw ApiError.unauthenticated('账户不存在，请重新登录');
    req.caller = caller;
    return true;
  }
}
