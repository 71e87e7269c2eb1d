import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/domain';
import { ApiError } from '../common/api-error';
import { AuthenticatedRequest, ROLES_KEY } from '../common/caller';

/** Global guard after AuthGuard: @Roles(...) on a route or controller (the 403 is audited by the filter). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
    if (!roles || !caller || roles.includes(caller.role)) return true;
    throw ApiError.forbidden();
  }
}
