import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/domain';
import { SecurityAuditRepository } from '@app/persistence';
import { ApiError } from '../common/api-error';
import { AuthenticatedRequest, clientInfo, ROLES_KEY } from '../common/caller';

/** Global guard after AuthGuard: @Roles(...) on a route or controller; a refusal is audited. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: SecurityAuditRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = req.caller;
    if (!roles || !caller || roles.includes(caller.role)) return true;
    await this.audit.append({
      event: 'PERMISSION_DENIED',
      userId: caller.id,
      username: caller.username,
      ...clientInfo(req),
      details: { method: req.method, route: req.route?.path ?? req.path, role: caller.role, required: roles },
    });
    throw ApiError.forbidden();
  }
}
