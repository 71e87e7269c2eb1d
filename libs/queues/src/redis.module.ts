import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { redisOptionsFromUrl } from './redis-connection';

/** A plain Redis client for health checks and rate limiting (BullMQ keeps its own connections). */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisClient.name);
  readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(
      redisOptionsFromUrl(config.redisUrl, {
        // Fail fast instead of queueing commands while Redis is away: callers decide what to do.
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectionName: 'jixiao-api',
      }),
    );
    // Without a listener ioredis prints every reconnect failure as an unhandled error.
    this.redis.on('error', (err: Error) => this.logger.warn(`Redis: ${err.message}`));
  }

  /** True when Redis answers PING within the timeout (a connection still being set up is waited for). */
  async ping(timeoutMs = 1_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    let onReady: (() => void) | undefined;
    try {
      // Without the offline queue a command sent while connecting fails at once: wait for 'ready'.
      const ready =
        this.redis.status === 'ready'
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              onReady = resolve;
              this.redis.once('ready', onReady);
            });
      const reply = await Promise.race([
        ready.then(() => this.redis.ping()),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        }),
      ]);
      return reply === 'PONG';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      if (onReady) this.redis.off('ready', onReady);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
