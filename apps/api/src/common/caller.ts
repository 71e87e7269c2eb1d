import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '@app/domain';

/** Who is calling: put on every authenticated request by the AuthGuard. */
export interface Caller {
  id: string;
  username: string;
  role: Role;
  orgId: string | null;
  /** A reviewer's department, or the department of a unit user's unit; null for admins. */
  departmentId: string | null;
  /** The units whose forms the caller may see: its own unit, or for a reviewer the units of its department. */
  unitIds: string[];
}

export type AuthenticatedRequest = Request & { caller?: Caller; id?: string | number };

export const IS_PUBLIC = 'jixiao:isPublic';
/** Marks a route that needs no token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ROLES_KEY = 'jixiao:roles';
/** Restricts a route to the given roles; others get 403 and a PERMISSION_DENIED audit row. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.caller) throw new Error('CurrentCaller used on a public route');
  return req.caller;
});

/** Client facts for the audit log. */
export function clientInfo(req: AuthenticatedRequest): { ip: string | null; requestId: string | null } {
  return { ip: req.ip ?? null, requestId: req.id === undefined ? null : String(req.id) };
}
