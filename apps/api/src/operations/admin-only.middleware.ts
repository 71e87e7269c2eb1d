import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../common/api-error';
import { mapError } from '../common/error-mapping';
import { CallerCache } from '../auth/caller-cache';
import { TokenService } from '../auth/token.service';

/**
 * Guards the queue dashboard (plain Express routes, outside Nest's guards): a bearer token — or the
 * `jixiao_token` cookie a browser page can set — of an admin. Anything else gets the usual error body.
 */
@Injectable()
export class AdminOnlyMiddleware implements NestMiddleware {
  constructor(
    private readonly tokens: TokenService,
    private readonly callers: CallerCache,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      const cookie = /(?:^|;\s*)jixiao_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      const token = bearer ?? (cookie ? decodeURIComponent(cookie) : undefined);
      if (!token) throw ApiError.unauthenticated('缺少访问令牌，请先登录');
      const claims = await this.tokens.verify(token);
      if (!claims) throw ApiError.unauthenticated('访问令牌无效或已过期，请重新登录');
      const caller = await this.callers.get(claims.sub);
      if (!caller) throw ApiError.unauthenticated('账户不存在，请重新登录');
      if (caller.role !== 'admin') throw ApiError.forbidden('只有系统管理员可以查看队列');
      next();
    } catch (err) {
      const mapped = mapError(err);
      res.status(mapped.status).json({ error: { code: mapped.code, message: mapped.message, details: mapped.details } });
    }
  }
}
