import { createHmac } from 'node:crypto';
import { DINGTALK_MAX_BYTES, robotMarkdown, robotTitle, WECOM_MAX_BYTES } from './robot-format';
import { DeliveryError, isRetryableHttpStatus, NotificationChannel, OutgoingMessage } from './types';

export type WebhookFormat = 'json' | 'dingtalk' | 'wecom';
export const WEBHOOK_FORMATS: readonly WebhookFormat[] = ['json', 'dingtalk', 'wecom'];

export interface WebhookChannelOptions {
  url: string;
  format: WebhookFormat;
  /** json: HMAC key of X-Jixiao-Signature; dingtalk: the robot's 加签 secret (SEC…); wecom: not supported. */
  secret?: string | null;
  /** Whole request, answer included. Default 5000 ms. */
  timeoutMs?: number;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 5000;

/*
 * Robot errcodes that a later attempt can get past. Everything else (keyword missing, bad sign, IP not
 * allowed, invalid token or key, content too long) needs an administrator and is not retried.
 *   DingTalk: -1 系统繁忙, 130101 send too fast (20 messages a minute per robot).
 *   WeCom:    -1 系统繁忙, 45009 接口调用超过限制 (20 a minute), 45033 并发调用超过限制.
 */
const RETRYABLE_ERRCODES: Record<'dingtalk' | 'wecom', readonly number[]> = {
  dingtalk: [-1, 130101],
  wecom: [-1, 45009, 45033],
};

const ROBOT_NAME = { dingtalk: '钉钉机器人', wecom: '企业微信机器人' } as const;

/** Posts notifications to one configured URL: a plain JSON receiver or a DingTalk / WeCom group robot. */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook' as const;
  private readonly url: string;
  private readonly format: WebhookFormat;
  private readonly secret: string | null;
  private readonly timeoutMs: number;
  /** Host only: the robot's access_token / key sits in the query (sometimes the path) and is a credential. */
  private readonly target: string;

  constructor(options: WebhookChannelOptions) {
    let parsed: URL;
    try {
      parsed = new URL(options.url);
    } catch {
      throw new Error('WebhookChannel: url is not a valid URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error('WebhookChannel: url must be http(s)');
    }
    if (!WEBHOOK_FORMATS.includes(options.format)) {
      throw new Error(`WebhookChannel: unknown format ${String(options.format)}`);
    }
    this.url = options.url;
    this.format = options.format;
    this.secret = options.secret ? options.secret : null;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    this.target = parsed.host;
  }

  async send(message: OutgoingMessage): Promise<void> {
    const { url, body, headers } = this.buildRequest(message);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers,
          body,
          signal: controller.signal,
          // A redirected POST would become a GET elsewhere, taking the signature along: treat it as misconfiguration.
          redirect: 'manual',
        });
      } catch (err) {
        throw this.networkError(err, controller.signal.aborted);
      }
      if (this.format === 'json') {
        await response.body?.cancel().catch(() => undefined);
        this.checkStatus(response.status);
        return;
      }
      let text: string;
      try {
        text = await response.text();
      } catch (err) {
        throw this.networkError(err, controller.signal.aborted);
      }
      this.checkStatus(response.status);
      this.checkRobotAnswer(this.format, text, response.status);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    // Nothing to release: fetch shares Node's global connection pool.
  }

  private buildRequest(message: OutgoingMessage): { url: string; body: Buffer; headers: Record<string, string> } {
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
    switch (this.format) {
      case 'json': {
        // The signature covers exactly these bytes, so they are encoded once and sent as they are.
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        headers['X-Jixiao-Delivery'] = message.id;
        if (this.secret) {
          headers['X-Jixiao-Signature'] = `sha256=${createHmac('sha256', this.secret).update(body).digest('hex')}`;
        }
        return { url: this.url, body, headers };
      }
      case 'dingtalk': {
        const payload = {
          msgtype: 'markdown',
          markdown: { title: robotTitle(message), text: robotMarkdown(message, DINGTALK_MAX_BYTES) },
        };
        return { url: this.secret ? dingTalkSignedUrl(this.url, this.secret) : this.url, body: json(payload), headers };
      }
      case 'wecom': {
        const payload = { msgtype: 'markdown', markdown: { content: robotMarkdown(message, WECOM_MAX_BYTES) } };
        return { url: this.url, body: json(payload), headers };
      }
    }
  }

  private checkStatus(status: number): void {
    if (status >= 200 && status < 300) return;
    const hint = status >= 300 && status < 400 ? '（地址发生重定向，请检查 WEBHOOK_URL）' : '';
    throw new DeliveryError(`Webhook ${this.target} 返回 HTTP ${status}${hint}`, {
      retryable: isRetryableHttpStatus(status),
      status,
    });
  }

  private checkRobotAnswer(format: 'dingtalk' | 'wecom', text: string, status: number): void {
    let answer: { errcode?: unknown; errmsg?: unknown };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      answer = {};
    }
    if (typeof answer !== 'object' || answer === null || typeof answer.errcode !== 'number') {
      // Not a robot endpoint (a proxy page, a wrong path): retrying will not change that.
      throw new DeliveryError(`${ROBOT_NAME[format]}（${this.target}）的应答无法识别，请检查 WEBHOOK_URL 和 WEBHOOK_FORMAT`, {
        retryable: false,
        status,
      });
    }
    const errcode = answer.errcode;
    if (errcode === 0) return;
    const errmsg = typeof answer.errmsg === 'string' ? answer.errmsg.slice(0, 200) : '';
    throw new DeliveryError(`${ROBOT_NAME[format]}拒绝了消息：errcode ${errcode} ${errmsg}`.trimEnd(), {
      retryable: RETRYABLE_ERRCODES[format].includes(errcode),
      status,
      errcode,
    });
  }

  private networkError(err: unknown, timedOut: boolean): DeliveryError {
    if (timedOut) {
      return new DeliveryError(`Webhook ${this.target} 在 ${this.timeoutMs} ms 内无应答（超时）`, { retryable: true });
    }
    // Only the error code (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET…): some fetch messages quote the URL and its token.
    const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
    const detail = typeof cause?.code === 'string' ? cause.code : err instanceof Error ? err.name : 'unknown error';
    return new DeliveryError(`Webhook ${this.target} 连接失败：${detail}`, { retryable: true });
  }
}

function json(payload: unknown): Buffer {
  return Buffer.from(JSON.stringify(payload), 'utf8');
}

/**
 * DingTalk 加签: sign = urlencode(base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret))),
 * with the timestamp in milliseconds; DingTalk refuses a timestamp more than an hour off.
 */
export function dingTalkSignedUrl(url: string, secret: string, now: number = Date.now()): string {
  const timestamp = String(now);
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  // Appended as text so that the access_token already in the URL is passed on byte for byte.
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}
