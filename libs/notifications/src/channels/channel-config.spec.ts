import { ChannelConfigValues, createChannels, parseChannelConfig } from './channel-config';
import { EmailChannel } from './email-channel';
import { WebhookChannel } from './webhook-channel';

const DINGTALK = 'https://oapi.dingtalk.com/robot/send?access_token=abc123';
const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-123';
const DING_SECRET = 'SEC0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff';

function problemsOf(values: ChannelConfigValues) {
  const result = parseChannelConfig(values);
  if (result.problems.length) expect(result.channels).toEqual([]);
  return result.problems;
}

describe('parseChannelConfig', () => {
  it('enables nothing when nothing is set, empty values included', () => {
    expect(parseChannelConfig({})).toEqual({ channels: [], problems: [] });
    expect(
      parseChannelConfig({ WEBHOOK_URL: '', WEBHOOK_FORMAT: '', WEBHOOK_SECRET: '', SMTP_URL: '', MAIL_FROM: '' }),
    ).toEqual({ channels: [], problems: [] });
  });

  it('enables both channels from valid values', () => {
    const result = parseChannelConfig({
      WEBHOOK_URL: 'https://hooks.example.gov.cn/jixiao',
      WEBHOOK_SECRET: 'receiver-shared-secret-0123456789',
      SMTP_URL: 'smtps://jixiao:pw@mail.example.gov.cn:465',
      MAIL_FROM: '绩效管理系统 <jixiao@example.gov.cn>',
    });
    expect(result).toEqual({
      problems: [],
      channels: [
        {
          channel: 'webhook',
          options: { url: 'https://hooks.example.gov.cn/jixiao', format: 'json', secret: 'receiver-shared-secret-0123456789' },
        },
        { channel: 'email', options: { smtpUrl: 'smtps://jixiao:pw@mail.example.gov.cn:465', from: '绩效管理系统 <jixiao@example.gov.cn>' } },
      ],
    });
  });

  it('takes the robot format from a DingTalk or WeCom URL when WEBHOOK_FORMAT is not set', () => {
    expect(parseChannelConfig({ WEBHOOK_URL: DINGTALK, WEBHOOK_SECRET: DING_SECRET }).channels).toEqual([
      { channel: 'webhook', options: { url: DINGTALK, format: 'dingtalk', secret: DING_SECRET } },
    ]);
    expect(parseChannelConfig({ WEBHOOK_URL: WECOM }).channels).toEqual([
      { channel: 'webhook', options: { url: WECOM, format: 'wecom' } },
    ]);
    // A 政务微信 private deployment has its own host: the format is set explicitly.
    const gov = 'http://10.1.2.3:8080/cgi-bin/webhook/send?key=k';
    expect(parseChannelConfig({ WEBHOOK_URL: gov, WEBHOOK_FORMAT: 'wecom' }).channels).toEqual([
      { channel: 'webhook', options: { url: gov, format: 'wecom' } },
    ]);
  });

  describe('WEBHOOK_URL', () => {
    it.each(['not a url', 'ftp://example.org/hook', 'hooks.example.org/x'])('refuses %p', (value) => {
      expect(problemsOf({ WEBHOOK_URL: value })).toEqual([
        { variable: 'WEBHOOK_URL', message: '必须是 http://… 或 https://… 形式的 URL' },
      ]);
    });
  });

  describe('WEBHOOK_FORMAT', () => {
    it('must be one of the formats', () => {
      expect(problemsOf({ WEBHOOK_URL: 'https://example.org/h', WEBHOOK_FORMAT: 'slack' })).toEqual([
        { variable: 'WEBHOOK_FORMAT', message: '必须是 json、dingtalk、wecom 之一' },
      ]);
    });

    it('must match a known robot host (a JSON post there would fail unnoticed)', () => {
      expect(problemsOf({ WEBHOOK_URL: DINGTALK, WEBHOOK_FORMAT: 'json' })).toEqual([
        { variable: 'WEBHOOK_FORMAT', message: 'WEBHOOK_URL 是钉钉机器人地址，应设置为 dingtalk' },
      ]);
      expect(problemsOf({ WEBHOOK_URL: WECOM, WEBHOOK_FORMAT: 'dingtalk' })).toEqual([
        { variable: 'WEBHOOK_FORMAT', message: 'WEBHOOK_URL 是企业微信机器人地址，应设置为 wecom' },
      ]);
    });

    it('needs WEBHOOK_URL', () => {
      expect(problemsOf({ WEBHOOK_FORMAT: 'json' })).toEqual([{ variable: 'WEBHOOK_FORMAT', message: '需要同时设置 WEBHOOK_URL' }]);
    });
  });

  describe('WEBHOOK_SECRET', () => {
    it('needs WEBHOOK_URL', () => {
      expect(problemsOf({ WEBHOOK_SECRET: DING_SECRET })).toEqual([
        { variable: 'WEBHOOK_SECRET', message: '需要同时设置 WEBHOOK_URL' },
      ]);
    });

    it('is at least 16 characters for the json format', () => {
      expect(problemsOf({ WEBHOOK_URL: 'https://example.org/h', WEBHOOK_SECRET: 'short' })).toEqual([
        { variable: 'WEBHOOK_SECRET', message: '至少 16 个字符' },
      ]);
    });

    it('is a SEC… signing secret for DingTalk', () => {
      expect(problemsOf({ WEBHOOK_URL: DINGTALK, WEBHOOK_SECRET: 'abc123abc123abc123' })).toEqual([
        { variable: 'WEBHOOK_SECRET', message: '钉钉机器人的加签密钥以 SEC 开头（在机器人安全设置中复制）' },
      ]);
    });

    it('is refused for WeCom, whose group robots cannot sign', () => {
      expect(problemsOf({ WEBHOOK_URL: WECOM, WEBHOOK_SECRET: 'receiver-shared-secret-0123456789' })).toEqual([
        { variable: 'WEBHOOK_SECRET', message: '企业微信群机器人不支持加签，请不要设置' },
      ]);
    });
  });

  describe('SMTP_URL and MAIL_FROM', () => {
    it.each(['mail.example.gov.cn:25', 'https://mail.example.gov.cn', 'smtp://'])('SMTP_URL %p is refused', (value) => {
      expect(problemsOf({ SMTP_URL: value, MAIL_FROM: 'jixiao@example.gov.cn' })).toEqual([
        { variable: 'SMTP_URL', message: '必须是 smtp://… 或 smtps://… 形式的 URL' },
      ]);
    });

    it('MAIL_FROM is required with SMTP_URL', () => {
      expect(problemsOf({ SMTP_URL: 'smtp://mail.example.gov.cn:25' })).toEqual([
        { variable: 'MAIL_FROM', message: '设置了 SMTP_URL 时必须设置发件人，如 绩效管理系统 <jixiao@example.gov.cn>' },
      ]);
    });

    it.each(['jixiao', 'a@example.gov.cn, b@example.gov.cn', '绩效管理系统'])('MAIL_FROM %p is refused', (value) => {
      expect(problemsOf({ SMTP_URL: 'smtp://mail.example.gov.cn:25', MAIL_FROM: value })).toEqual([
        { variable: 'MAIL_FROM', message: '必须是一个电子邮箱地址，如 绩效管理系统 <jixiao@example.gov.cn>' },
      ]);
    });

    it('MAIL_FROM needs SMTP_URL', () => {
      expect(problemsOf({ MAIL_FROM: 'jixiao@example.gov.cn' })).toEqual([{ variable: 'MAIL_FROM', message: '需要同时设置 SMTP_URL' }]);
    });
  });

  it('names every bad variable at once and never repeats a value (URLs carry tokens and passwords)', () => {
    const values = {
      WEBHOOK_URL: 'ftp://token-xyz@example.org',
      WEBHOOK_FORMAT: 'teams',
      SMTP_URL: 'pop3://user:pa55word@mail',
      MAIL_FROM: 'nobody',
    };
    const problems = problemsOf(values);
    expect(problems.map((p) => p.variable)).toEqual(['WEBHOOK_URL', 'WEBHOOK_FORMAT', 'SMTP_URL', 'MAIL_FROM']);
    const text = JSON.stringify(problems);
    for (const secret of ['token-xyz', 'pa55word', 'teams', 'nobody']) expect(text).not.toContain(secret);
  });
});

describe('createChannels', () => {
  it('builds one channel object per enabled channel', async () => {
    const { channels } = parseChannelConfig({
      WEBHOOK_URL: DINGTALK,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'jixiao@example.gov.cn',
    });
    const built = createChannels(channels);
    expect(built.map((c) => c.name)).toEqual(['webhook', 'email']);
    expect(built[0]).toBeInstanceOf(WebhookChannel);
    expect(built[1]).toBeInstanceOf(EmailChannel);
    await Promise.all(built.map((c) => c.close()));
  });
});
