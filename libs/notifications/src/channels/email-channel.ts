import { createHash } from 'node:crypto';
import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { DeliveryError, NotificationChannel, OutgoingMessage } from './types';

export interface EmailChannelOptions {
  /** smtp://user:pass@host:587 or smtps://…:465; nodemailer's URL options apply (e.g. ?pool=true). */
  smtpUrl: string;
  /** RFC 5322 sender, e.g. "绩效管理系统 <jixiao@example.gov.cn>". */
  from: string;
  /** Whole send, connection and greeting included. Default 15000 ms. */
  timeoutMs?: number;
}

export const DEFAULT_EMAIL_TIMEOUT_MS = 15_000;

/*
 * Errors that carry no SMTP reply and that no retry can fix: the configuration or the message itself
 * is wrong. Everything else without a reply (connection refused, reset, DNS, TLS, timeouts) is retried.
 */
const PERMANENT_CODES = new Set(['ECONFIG', 'ENOAUTH', 'EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS', 'EREQUIRETLS']);

/** Sends each notification as one e-mail to its recipient over SMTP (nodemailer). */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly timeoutMs: number;
  private readonly domain: string;

  constructor(options: EmailChannelOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_EMAIL_TIMEOUT_MS;
    this.from = options.from;
    this.domain = senderDomain(options.from);
    // The url's own options win over these; the per-send signal below bounds the whole attempt anyway.
    this.transport = createTransport({
      url: options.smtpUrl,
      connectionTimeout: this.timeoutMs,
      greetingTimeout: this.timeoutMs,
      socketTimeout: this.timeoutMs,
      logger: false,
    });
  }

  async send(message: OutgoingMessage): Promise<void> {
    const to = message.recipient.email?.trim();
    if (!to) throw new DeliveryError('用户未设置电子邮箱', { retryable: false });
    if (!isSingleAddress(to)) throw new DeliveryError('用户的电子邮箱地址无效', { retryable: false });

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      await this.transport.sendMail({
        from: this.from,
        to,
        subject: `[绩效] ${message.title}`,
        text: plainText(message),
        html: html(message),
        // The same notification always gets the same Message-ID, so a retried delivery can be recognised.
        messageId: messageIdFor(message.id, this.domain),
        ...(Number.isNaN(Date.parse(message.createdAt)) ? {} : { date: new Date(message.createdAt) }),
        headers: { 'X-Jixiao-Delivery': message.id, 'Auto-Submitted': 'auto-generated' },
        signal: controller.signal,
      });
    } catch (err) {
      throw this.toDeliveryError(err as NodemailerError, controller.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }

  private toDeliveryError(err: NodemailerError, timedOut: boolean): DeliveryError {
    if (timedOut || err.code === 'ETIMEDOUT') {
      return new DeliveryError(`SMTP 服务器在 ${this.timeoutMs} ms 内未完成发送（超时）`, { retryable: true });
    }
    if (typeof err.responseCode === 'number') {
      // 4xx: try again later (greylisting, mailbox busy); 5xx: refused for good (nodemailer sets `permanent`).
      const permanent = err.permanent ?? (err.responseCode >= 500 && err.responseCode !== 503);
      const reply = (err.response ?? String(err.responseCode)).slice(0, 200);
      return new DeliveryError(`SMTP 服务器拒绝了邮件：${reply}`, { retryable: !permanent, status: err.responseCode });
    }
    const code = err.code ?? 'unknown';
    // Codes only, not err.message: that may quote the server's address and is not needed to act.
    const detail = err.originalCode ? `${code}/${err.originalCode}` : code;
    return new DeliveryError(`邮件发送失败：${detail}`, { retryable: !PERMANENT_CODES.has(code) });
  }
}

/** `<jixiao.{id}@{sender domain}>`; an id with characters not allowed there is hashed instead. */
export function messageIdFor(id: string, domain: string): string {
  const token = /^[A-Za-z0-9._-]{1,128}$/.test(id) ? id : createHash('sha256').update(id).digest('hex');
  return `<jixiao.${token}@${domain}>`;
}

function senderDomain(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  const at = first?.address.lastIndexOf('@') ?? -1;
  return first && at > 0 ? first.address.slice(at + 1) : 'jixiao.local';
}

/** Exactly one mailbox with a local part and a domain (a stored address must not fan out to a list). */
export function isSingleAddress(value: string): boolean {
  const parsed = addressparser(value, { flatten: true });
  return parsed.length === 1 && /^[^@\s]+@[^@\s]+$/.test(parsed[0]!.address);
}

function plainText(message: OutgoingMessage): string {
  return [
    `${message.recipient.username}，您好：`,
    '',
    message.title,
    '',
    message.body,
    ...(message.link ? ['', `查看详情：${message.link}`] : []),
    '',
    '——',
    '此邮件由绩效管理系统自动发送，请勿直接回复。',
  ].join('\n');
}

function html(message: OutgoingMessage): string {
  const paragraphs = message.body
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  const link =
    message.link && /^https?:\/\//i.test(message.link)
      ? `<p><a href="${escapeHtml(message.link)}">查看详情</a></p>\n`
      : '';
  return [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>',
    `<p>${escapeHtml(message.recipient.username)}，您好：</p>`,
    `<h3>${escapeHtml(message.title)}</h3>`,
    paragraphs,
    link + '<p style="color:#888">此邮件由绩效管理系统自动发送，请勿直接回复。</p>',
    '</body></html>',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
