import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Database } from '@app/persistence';
import { RedisClient } from '@app/queues';
import { Public } from '../common/caller';

type Status = 'up' | 'down';

@ApiTags('operations 运维')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly redis: RedisClient,
  ) {}

  /** 200 when PostgreSQL and Redis both answer; 503 naming what is down. Checked for real on each call. */
  @Get()
  @Public()
  @ApiOperation({ summary: '健康检查：PostgreSQL 与 Redis' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [pg, redis] = await Promise.all([this.db.ping(), this.redis.ping()]);
    const postgres: Status = pg ? 'up' : 'down';
    const redisStatus: Status = redis ? 'up' : 'down';
    const ok = pg && redis;
    res.status(ok ? 200 : 503);
    const down = [!pg && 'PostgreSQL', !redis && 'Redis'].filter(Boolean).join('、');
    return ok
      ? { status: 'ok', postgres, redis: redisStatus }
      : { status: 'error', postgres, redis: redisStatus, message: `${down} 不可用` };
  }
}
