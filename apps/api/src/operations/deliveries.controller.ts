import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DeliveriesRepository } from '@app/persistence';
import { Roles } from '../common/caller';

export class DeliveriesQuery {
  @ApiPropertyOptional({ enum: ['pending', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'failed'])
  status?: 'pending' | 'failed';

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** Deliveries to the optional channels that are not through yet, with their errors (admins). */
@ApiTags('operations 运维')
@ApiBearerAuth()
@Controller('admin/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: '未送达的外部通知（webhook / 邮件）及其错误，和各状态计数' })
  async list(@Query() q: DeliveriesQuery) {
    const [items, counts] = await Promise.all([this.deliveries.unsent(q.status ?? null, q.limit ?? 100), this.deliveries.counts()]);
    return { items, counts };
  }
}
