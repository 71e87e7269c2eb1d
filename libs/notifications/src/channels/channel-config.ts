import { EmailChannel, EmailChannelOptions, isSingleAddress } from './email-channel';
import { NotificationChannel } from './types';
import { WEBHOOK_FORMATS, WebhookChannel, WebhookChannelOptions, WebhookFormat } from './webhook-channel';

/** The configuration variables of the optional channels; unset or empty means "off". */
export interface ChannelConfigValues {
  WEBHOOK_URL?: string;
  WEBHOOK_FORMAT?: string;
  WEBHOOK_SECRET?: string;
  SMTP_URL?: string;
  MAIL_FROM?: string;
}

export type ChannelConfig =
  | { channel: 'webhook'; options: WebhookChannelOptions }
  | { channel: 'email'; options: EmailChannelOptions };

/** Same shape as ConfigError's problems in @app/config. Messages never repeat a value: URLs carry tokens. */
export interface ChannelConfigProblem {
  variable: keyof ChannelConfigValues;
  message: string;
}

/** Public robot hosts: a plain JSON post there is answered 200 with an errcode, i.e. it would fail silently. */
const ROBOT_HOSTS: Record<string, { format: WebhookFormat; label: string }> = {
  'oapi.dingtalk.com': { format: 'dingtalk', label: '钉钉' },
  'qyapi.weixin.qq.com': { format: 'wecom', label: '企业微信' },
};

/** Pure: from the raw values to the enabled channels, or to the problems naming each bad variable. */
export function parseChannelConfig(values: ChannelConfigValues): {
  channels: ChannelConfig[];
  problems: ChannelConfigProblem[];
} {
  const v = (name: keyof ChannelConfigValues) => (values[name] === '' ? undefined : values[name]);
  const problems: ChannelConfigProblem[] = [];
  const channels: ChannelConfig[] = [];

  const webhook = parseWebhook(v('WEBHOOK_URL'), v('WEBHOOK_FORMAT'), v('WEBHOOK_SECRET'), problems);
  if (webhook) channels.push({ channel: 'webhook', options: webhook });
  const email = parseEmail(v('SMTP_URL'), v('MAIL_FROM'), problems);
  if (email) channels.push({ channel: 'email', options: email });

  return problems.length ? { channels: [], problems } : { channels, problems };
}

/** Builds the channel objects for the worker; close() each on shutdown. */
export function createChannels(configs: readonly ChannelConfig[]): NotificationChannel[] {
  return configs.map((c) => (c.channel === 'webhook' ? new WebhookChannel(c.options) : new EmailChannel(c.options)));
}

function parseWebhook(
  url: string | undefined,
  format: string | undefined,
  secret: string | undefined,
  problems: ChannelConfigProblem[],
): WebhookChannelOptions | null {
  if (url === undefined) {
    if (format !== undefined) problems.push({ variable: 'WEBHOOK_FORMAT', message: '需要同时设置 WEBHOOK_URL' });
    if (secret !== undefined) problems.push({ variable: 'WEBHOOK_SECRET', message: '需要同时设置 WEBHOOK_URL' });
    return null;
  }
  const host = httpHost(url);
  if (host === null) {
    problems.push({ variable: 'WEBHOOK_URL', message: '必须是 http://… 或 https://… 形式的 URL' });
  }
  const robot = host === null ? undefined : ROBOT_HOSTS[host];

  let resolved: WebhookFormat | null;
  if (format === undefined) {
    resolved = robot?.format ?? 'json';
  } else if (isWebhookFormat(format)) {
    resolved = format;
    if (robot && robot.format !== format) {
      problems.push({
        variable: 'WEBHOOK_FORMAT',
        message: `WEBHOOK_URL 是${robot.label}机器人地址，应设置为 ${robot.format}`,
      });
    }
  } else {
    resolved = null;
    problems.push({ variable: 'WEBHOOK_FORMAT', message: `必须是 ${WEBHOOK_FORMATS.join('、')} 之一` });
  }

  if (secret !== undefined && resolved !== null) {
    const problem = secretProblem(resolved, secret);
    if (problem) problems.push({ variable: 'WEBHOOK_SECRET', message: problem });
  }
  if (host === null || resolved === null) return null;
  return { url, format: resolved, ...(secret !== undefined ? { secret } : {}) };
}

function secretProblem(format: WebhookFormat, secret: string): string | null {
  switch (format) {
    case 'json':
      return secret.length < 16 ? '至少 16 个字符' : null;
    case 'dingtalk':
      // DingTalk 加签 secrets read "SEC…"; anything else is usually the access_token pasted in the wrong place.
      return secret.startsWith('SEC') ? null : '钉钉机器人的加签密钥以 SEC 开头（在机器人安全设置中复制）';
    case 'wecom':
      return '企业微信群机器人不支持加签，请不要设置';
  }
}

function parseEmail(
  smtpUrl: string | undefined,
  from: string | undefined,
  problems: ChannelConfigProblem[],
): EmailChannelOptions | null {
  if (smtpUrl === undefined) {
    if (from !== undefined) problems.push({ variable: 'MAIL_FROM', message: '需要同时设置 SMTP_URL' });
    return null;
  }
  const urlOk = isSmtpUrl(smtpUrl);
  if (!urlOk) problems.push({ variable: 'SMTP_URL', message: '必须是 smtp://… 或 smtps://… 形式的 URL' });
  const fromOk = from !== undefined && isSingleAddress(from);
  if (from === undefined) {
    problems.push({ variable: 'MAIL_FROM', message: '设置了 SMTP_URL 时必须设置发件人，如 绩效管理系统 <jixiao@example.gov.cn>' });
  } else if (!fromOk) {
    problems.push({ variable: 'MAIL_FROM', message: '必须是一个电子邮箱地址，如 绩效管理系统 <jixiao@example.gov.cn>' });
  }
  return urlOk && fromOk ? { smtpUrl, from: from! } : null;
}

function httpHost(value: string): string | null {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url.hostname : null;
  } catch {
    return null;
  }
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isWebhookFormat(value: string): value is WebhookFormat {
  return (WEBHOOK_FORMATS as readonly string[]).includes(value);
}
