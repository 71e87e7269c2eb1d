import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { toShanghaiIso } from '@app/domain';
import { NotificationRecord, NotificationsRepository } from '@app/persistence';
import { ApiError } from '../common/api-error';
import { CurrentCaller } from '../common/caller';
import type { Caller } from '../common/caller';

export class InboxQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '只看未读' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

const view = (n: NotificationRecord) => ({
  id: n.id,
  kind: n.kind,
  formId: n.formId,
  campaignId: n.campaignId,
  title: n.title,
  body: n.body,
  createdAt: toShanghaiIso(n.createdAt),
  readAt: n.readAt ? toShanghaiIso(n.readAt) : null,
});

/** The caller's own inbox (API.md "Notifications"); nobody reads anyone else's. */
@ApiTags('notifications 通知')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsRepository) {}

  @Get()
  @ApiOperation({ summary: '我的通知（最新在前），含未读数' })
  async inbox(@Query() q: InboxQuery, @CurrentCaller() caller: Caller) {
    const { items, unread } = await this.notifications.inbox(caller.id, { unreadOnly: q.unread === 'true', limit: q.limit ?? 50 });
    return { items: items.map(view), unread };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标记为已读' })
  async read(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('通知不存在') })) id: string, @CurrentCaller() caller: Caller) {
    const n = await this.notifications.markRead(caller.id, id);
    if (!n) throw ApiError.notFound('通知不存在');
    return view(n);
  }
}
