import Redis from 'ioredis';
import { redisOptionsFromUrl } from '@app/queues';

/** Deletes every key under a test run's prefix (BullMQ queues, rate-limit counters). */
export async function deleteKeysWithPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisOptionsFromUrl(redisUrl, { maxRetriesPerRequest: 1 }));
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
