import { Injectable } from '@nestjs/common';

/** The current instant, injectable so that tests can move time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

const SHANGHAI_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "2026/03/02 09:30": an instant as users in China read it, whatever the server's TZ. */
export function formatShanghaiTime(at: Date): string {
  return SHANGHAI_TIME.format(at);
}
