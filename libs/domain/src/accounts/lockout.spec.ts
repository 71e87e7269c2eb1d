import { afterFailedLogin, isLocked, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './lockout';

// Rule: 5 consecutive failures lock the account for 30 minutes (API.md "Auth"; GB/T 22239-2019 登录失败处理).
describe('account lockout', () => {
  const now = new Date('2026-03-02T01:00:00Z');

  it('locks at the 5th consecutive failure, for 30 minutes', () => {
    let state = { failures: 0, lockedUntil: null as Date | null, lockedNow: false };
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      state = afterFailedLogin(state.failures, state.lockedUntil, now);
      expect(state).toEqual({ failures: i, lockedUntil: null, lockedNow: false });
    }
    state = afterFailedLogin(state.failures, state.lockedUntil, now);
    expect(state.lockedNow).toBe(true);
    expect(state.lockedUntil).toEqual(new Date(now.getTime() + LOCKOUT_MINUTES * 60_000));
    expect(isLocked(state.lockedUntil, now)).toBe(true);
  });

  it('is unlocked exactly when the lock runs out', () => {
    const until = new Date(now.getTime() + 30 * 60_000);
    expect(isLocked(until, new Date(until.getTime() - 1))).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });

  it('starts a fresh count after an expired lock', () => {
    const expired = new Date(now.getTime() - 1);
    expect(afterFailedLogin(5, expired, now)).toEqual({ failures: 1, lockedUntil: null, lockedNow: false });
  });
});
