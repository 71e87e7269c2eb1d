import type { Caller } from './caller';

// Matches no department: a reviewer or unit user without a department sees nothing rather than everything.
const NOTHING = '00000000-0000-0000-0000-000000000000';

/**
 * The department whose campaigns and forms the caller may see (OWASP API1: object level
 * authorisation): null for admins (every department), else the caller's own department.
 */
export function departmentScope(caller: Caller): string | null {
  return caller.role === 'admin' ? null : (caller.departmentId ?? NOTHING);
}
