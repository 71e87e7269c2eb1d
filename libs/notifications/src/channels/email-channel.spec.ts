import * as net from 'node:net';
import { SMTPServer, SMTPServerSession } from 'smtp-server';
import { EmailChannel, messageIdFor } from './email-channel';
import { DeliveryError, OutgoingMessage } from './types';

interface Delivered {
  raw: string;
  mailFrom: string;
  rcptTo: string[];
}

interface SmtpOptions {
  /** SMTP reply code to refuse the DATA with (451: try later, 550: refused). */
  rejectData?: number;
  rejectRcpt?: number;
}

const closers: (() => Promise<void>)[] = [];
const channels: EmailChannel[] = [];

afterEach(async () => {
  await Promise.all(channels.splice(0).map((c) => c.close()));
  await Promise.all(closers.splice(0).map((close) => close()));
});

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/** An in-process SMTP server on 127.0.0.1:0 that records what it receives. */
async function startSmtp(options: SmtpOptions = {}) {
  const delivered: Delivered[] = [];
  const stats = { connections: 0 };
  const server = new SMTPServer({
    authOptional: true,
    // Its default certificate is self-signed; plain SMTP keeps the test about delivery, not TLS.
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onConnect(_session, callback) {
      stats.connections++;
      callback();
    },
    onRcptTo(_address, _session, callback) {
      callback(options.rejectRcpt ? smtpError(options.rejectRcpt, 'Mailbox unavailable') : null);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.rejectData === 451) return callback(smtpError(451, 'Try again later'));
        if (options.rejectData) return callback(smtpError(options.rejectData, 'Message refused'));
        const envelope = session.envelope;
        delivered.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          mailFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
          rcptTo: envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as net.AddressInfo;
  return { smtpUrl: `smtp://127.0.0.1:${port}`, delivered, stats };
}

function channel(smtpUrl: string, timeoutMs?: number): EmailChannel {
  const c = new EmailChannel({ smtpUrl, from: '绩效管理系统 <jixiao@example.gov.cn>', ...(timeoutMs ? { timeoutMs } : {}) });
  channels.push(c);
  return c;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// --- a minimal reader of the received MIME message -------------------------------------------------

function splitMessage(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(at + 4) };
}

/** RFC 2047 encoded words (B and Q). */
function decodeHeader(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQp(text.replace(/_/g, ' ')),
    );
}

function decodeQp(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The decoded body of the first part with this content type (or of the message itself). */
function part(raw: string, contentType: string): string | undefined {
  const { headers, body } = splitMessage(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (boundary) {
    for (const piece of body.split(`--${boundary}`).slice(1)) {
      const found = part(piece.replace(/^\r\n/, ''), contentType);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!type.startsWith(contentType)) return undefined;
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQp(body);
  return body;
}

// ---------------------------------------------------------------------------------------------------

const message: OutgoingMessage = {
  id: '7b0c1f7e-3f4a-4c55-9d1e-2a9f7b9e0a11',
  kind: 'FORM_RETURNED',
  title: '绩效目标申报表被退回：城乡供水一体化项目',
  body: '审核意见：产出指标“供水管网改造长度”缺少目标值，请补充后重新提交。\n重新提交时限：2025-04-08。',
  formId: 'f-1',
  campaignId: 'c-1',
  createdAt: '2025-03-28T09:00:00.000Z',
  recipient: { userId: 'u-1', username: 'zhangsan', email: 'zhangsan@unit.example.gov.cn' },
  link: 'https://jixiao.example.gov.cn/forms/f-1',
};

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('EmailChannel', () => {
  it('delivers the message with a UTF-8 subject, sender, recipient, body and a stable Message-ID', async () => {
    const smtp = await startSmtp();
    const email = channel(smtp.smtpUrl);
    await email.send(message);
    await email.send(message);

    expect(smtp.delivered).toHaveLength(2);
    const [first, second] = smtp.delivered;
    expect(first!.mailFrom).toBe('jixiao@example.gov.cn');
    expect(first!.rcptTo).toEqual(['zhangsan@unit.example.gov.cn']);

    const { headers } = splitMessage(first!.raw);
    expect(decodeHeader(headers.get('subject')!)).toBe(`[绩效] ${message.title}`);
    expect(decodeHeader(headers.get('from')!)).toBe('绩效管理系统 <jixiao@example.gov.cn>');
    expect(headers.get('to')).toBe('zhangsan@unit.example.gov.cn');
    expect(headers.get('message-id')).toBe(`<jixiao.${message.id}@example.gov.cn>`);
    expect(headers.get('message-id')).toBe(messageIdFor(message.id, 'example.gov.cn'));
    expect(headers.get('x-jixiao-delivery')).toBe(message.id);
    expect(headers.get('auto-submitted')).toBe('auto-generated');
    // A retried delivery is recognisable as the same message.
    expect(splitMessage(second!.raw).headers.get('message-id')).toBe(headers.get('message-id'));

    const text = part(first!.raw, 'text/plain')!;
    expect(text).toContain('zhangsan，您好：');
    expect(text).toContain(message.title);
    expect(text).toContain('审核意见：产出指标“供水管网改造长度”缺少目标值，请补充后重新提交。');
    expect(text).toContain('重新提交时限：2025-04-08。');
    expect(text).toContain(`查看详情：${message.link}`);
    const html = part(first!.raw, 'text/html')!;
    expect(html).toContain('<p>审核意见：产出指标“供水管网改造长度”缺少目标值，请补充后重新提交。</p>');
    expect(html).toContain(`<a href="${message.link}">查看详情</a>`);
  });

  it('escapes HTML in the alternative part', async () => {
    const smtp = await startSmtp();
    await channel(smtp.smtpUrl).send({ ...message, body: '<script>alert(1)</script> & 说明' });
    const html = part(smtp.delivered[0]!.raw, 'text/html')!;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; 说明');
  });

  it('451 at DATA → retryable DeliveryError', async () => {
    const smtp = await startSmtp({ rejectData: 451 });
    const err = await failure(channel(smtp.smtpUrl).send(message));
    expect(err.retryable).toBe(true);
    expect(err.status).toBe(451);
    expect(smtp.delivered).toHaveLength(0);
  });

  it('550 at DATA → non-retryable DeliveryError', async () => {
    const smtp = await startSmtp({ rejectData: 550 });
    const err = await failure(channel(smtp.smtpUrl).send(message));
    expect(err.retryable).toBe(false);
    expect(err.status).toBe(550);
  });

  it('550 for the recipient → non-retryable DeliveryError', async () => {
    const smtp = await startSmtp({ rejectRcpt: 550 });
    const err = await failure(channel(smtp.smtpUrl).send(message));
    expect(err.retryable).toBe(false);
    expect(err.status).toBe(550);
    expect(err.message).toContain('550');
  });

  it.each([null, undefined, '', '   '])('no address (%p) → non-retryable, without connecting', async (address) => {
    const smtp = await startSmtp();
    const recipient = { ...message.recipient, email: address };
    const err = await failure(channel(smtp.smtpUrl).send({ ...message, recipient }));
    expect(err.retryable).toBe(false);
    expect(err.message).toBe('用户未设置电子邮箱');
    expect(smtp.stats.connections).toBe(0);
  });

  it('an address that is not one mailbox → non-retryable, without connecting', async () => {
    const smtp = await startSmtp();
    for (const address of ['zhangsan', 'a@example.org, b@example.org']) {
      const err = await failure(channel(smtp.smtpUrl).send({ ...message, recipient: { ...message.recipient, email: address } }));
      expect(err.retryable).toBe(false);
      expect(err.message).toBe('用户的电子邮箱地址无效');
    }
    expect(smtp.stats.connections).toBe(0);
  });

  it('a refused connection → retryable, and the SMTP password stays out of the error', async () => {
    const port = await closedPort();
    const err = await failure(channel(`smtp://mailer:S3cretPw@127.0.0.1:${port}`).send(message));
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.message).not.toContain('S3cretPw');
  });

  it('a server that never greets → retryable timeout within the configured time', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          sockets.forEach((s) => s.destroy());
          silent.close(() => resolve());
        }),
    );
    const { port } = silent.address() as net.AddressInfo;

    const started = Date.now();
    const err = await failure(channel(`smtp://127.0.0.1:${port}`, 300).send(message));
    const elapsed = Date.now() - started;
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('超时');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('messageIdFor', () => {
  it('keeps a safe id and hashes one with other characters', () => {
    expect(messageIdFor('abc-123', 'example.gov.cn')).toBe('<jixiao.abc-123@example.gov.cn>');
    expect(messageIdFor('a b<c>', 'example.gov.cn')).toMatch(/^<jixiao\.[0-9a-f]{64}@example\.gov\.cn>$/);
  });
});
