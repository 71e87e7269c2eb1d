/**
 * Account lockout (API.md "Auth"): 5 consecutive failed logins lock the account for 30 minutes;
 * while locked every login is refused, even with the right password. A success resets the count.
 * (等级保护 GB/T 22239-2019: "应具有登录失败处理功能，…采取结束会话、限制非法登录次数…".)
 */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 30;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * The failure count to start from at a new attempt: a lock that has run out starts a fresh count,
 * so one more wrong password after the lock expires does not lock the account again at once.
 */
export function effectiveFailureCount(failures: number, lockedUntil: Date | null, now: Date): number {
  return lockedUntil !== null && !isLocked(lockedUntil, now) ? 0 : failures;
}

/** The state after one more failed attempt. */
export function afterFailedLogin(
  failures: number,
  lockedUntil: Date | null,
  now: Date,
): { failures: number; lockedUntil: Date | null; lockedNow: boolean } {
  const next = effectiveFailureCount(failures, lockedUntil, now) + 1;
  if (next >= LOCKOUT_THRESHOLD) {
    return { failures: next, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000), lockedNow: true };
  }
  return { failures: next, lockedUntil: null, lockedNow: false };
}
