import { Inject, Injectable, Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { RedisClient } from '@app/queues';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// INCR the window's counter and give it its TTL on first use; returns [hits, pttl].
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }`;

/**
 * Fixed-window rate-limit counters in Redis, shared by every API process (an in-memory store would
 * let N processes allow N times the limit). If Redis is down the limiter lets requests through:
 * the account lockout in PostgreSQL still stops password guessing.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  constructor(
    private readonly client: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, pttl] = (await this.client.redis.eval(
        INCREMENT,
        1,
        `${this.config.queuePrefix}:throttle:${key}`,
        ttl,
      )) as [number, number];
      const seconds = Math.max(0, Math.ceil(pttl / 1000));
      return { totalHits: hits, timeToExpire: seconds, isBlocked: hits > limit, timeToBlockExpire: hits > limit ? seconds : 0 };
    } catch (err) {
      this.logger.warn(`Rate limiter unavailable, request allowed: ${(err as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
