import type { AppConfig } from '@app/config';
import type { CallerRecord, UsersRepository } from '@app/persistence';
import { CallerCache } from './caller-cache';

// The caller lookup is cached for AUTH_CACHE_SECONDS; 0 reads PostgreSQL on every request.
describe('CallerCache', () => {
  const caller: CallerRecord = { id: 'u1', username: 'unit1', role: 'unit', orgId: 'o1', departmentId: 'd1', unitIds: ['o1'] };
  const repo = () => {
    const calls: string[] = [];
    const users = { findCaller: async (id: string) => (calls.push(id), id === 'u1' ? caller : null) } as unknown as UsersRepository;
    return { users, calls };
  };
  const config = (seconds: number) => ({ authCacheSeconds: seconds }) as AppConfig;

  afterEach(() => jest.useRealTimers());

  it('reads once within the TTL, again after it', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const { users, calls } = repo();
    const cache = new CallerCache(users, config(5));
    expect(await cache.get('u1')).toBe(caller);
    expect(await cache.get('u1')).toBe(caller);
    expect(calls).toEqual(['u1']);
    jest.setSystemTime(1_000_000 + 5_001);
    await cache.get('u1');
    expect(calls).toEqual(['u1', 'u1']);
  });

  it('also remembers that a user does not exist, for the same short time', async () => {
    const { users, calls } = repo();
    const cache = new CallerCache(users, config(5));
    expect(await cache.get('gone')).toBeNull();
    expect(await cache.get('gone')).toBeNull();
    expect(calls).toEqual(['gone']);
  });

  it('reads every time when AUTH_CACHE_SECONDS is 0', async () => {
    const { users, calls } = repo();
    const cache = new CallerCache(users, config(0));
    await cache.get('u1');
    await cache.get('u1');
    expect(calls).toEqual(['u1', 'u1']);
  });
});
