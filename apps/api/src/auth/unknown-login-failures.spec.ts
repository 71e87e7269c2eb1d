import type { AppConfig } from '@app/config';
import type { RedisClient } from '@app/queues';
import { UNKNOWN_NAME_MEMORY_SECONDS, UnknownLoginFailures } from './unknown-login-failures';

// Unit test of one class: Redis is a stand-in. Rule: a name that is no account locks like an account
// (5 failures in a row, 30 minutes; API.md "Auth"), and a Redis outage never makes a login fail.
describe('UnknownLoginFailures', () => {
  const config = { queuePrefix: 'p' } as AppConfig;
  const now = new Date('2026-03-02T01:00:00Z');

  function withStore() {
    const store = new Map<string, string>();
    const ttl = new Map<string, number>();
    const redis = {
      get: async (k: string) => store.get(k) ?? null,
      set: async (k: string, v: string, _ex: 'EX', seconds: number) => {
        store.set(k, v);
        ttl.set(k, seconds);
        return 'OK';
      },
    };
    return { failures: new UnknownLoginFailures({ redis } as unknown as RedisClient, config), store, ttl };
  }

  it('locks a name at the 5th failure for 30 minutes, whatever its case, and remembers it for a day', async () => {
    const { failures, ttl } = withStore();
    for (let i = 1; i <= 4; i++) expect(await failures.recordFailure('Ghost', now)).toEqual({ failures: i, lockedUntil: null, lockedNow: false });
    const fifth = await failures.recordFailure('ghost', now);
    expect(fifth).toEqual({ failures: 5, lockedUntil: new Date('2026-03-02T01:30:00Z'), lockedNow: true });
    expect(await failures.lockedUntil('GHOST')).toEqual(new Date('2026-03-02T01:30:00Z'));
    expect(await failures.lockedUntil('other')).toBeNull();
    expect([...ttl.entries()]).toEqual([['p:login-unknown:ghost', UNKNOWN_NAME_MEMORY_SECONDS]]);
  });

  it('answers "not locked" and counts nothing when Redis is away', async () => {
    const down = async () => {
      throw new Error('Connection is closed.');
    };
    const failures = new UnknownLoginFailures({ redis: { get: down, set: down } } as unknown as RedisClient, config);
    expect(await failures.lockedUntil('ghost')).toBeNull();
    expect(await failures.recordFailure('ghost', now)).toEqual({ failures: 1, lockedUntil: null, lockedNow: false });
  });
});
