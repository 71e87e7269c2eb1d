import { createHmac, timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { DeliveryError, OutgoingMessage } from './types';
import { WebhookChannel } from './webhook-channel';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
type Responder = (req: Received, res: http.ServerResponse, count: number) => void;

const servers: http.Server[] = [];

/** A receiver on 127.0.0.1:0 that records every request and answers through `respond`. */
async function startReceiver(respond: Responder) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const r = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
      received.push(r);
      respond(r, res, received.length);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, received };
}

function answer(status: number, body: unknown = ''): Responder {
  return (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

const message: OutgoingMessage = {
  id: '7b0c1f7e-3f4a-4c55-9d1e-2a9f7b9e0a11',
  kind: 'DECLARATION_DUE',
  title: '申报截止提醒：2025 年度项目绩效目标',
  body: '您单位的“城乡供水一体化”项目绩效目标尚未提交。\n申报截止时间：2025-03-31 17:00。',
  formId: 'f-1',
  campaignId: 'c-1',
  createdAt: '2025-03-28T09:00:00.000Z',
  recipient: { userId: 'u-1', username: 'zhangsan', email: 'zhangsan@example.gov.cn' },
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

describe('WebhookChannel, json format', () => {
  it('posts the message as JSON with the delivery id header and no signature without a secret', async () => {
    const { base, received } = await startReceiver(answer(204));
    await new WebhookChannel({ url: `${base}/hooks/jixiao?team=7`, format: 'json' }).send(message);

    expect(received).toHaveLength(1);
    const [req] = received;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe('/hooks/jixiao?team=7');
    expect(req!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(req!.headers['x-jixiao-delivery']).toBe(message.id);
    expect(req!.headers['x-jixiao-signature']).toBeUndefined();
    expect(req!.body.toString('utf8')).toBe(JSON.stringify(message));
    expect(JSON.parse(req!.body.toString('utf8'))).toEqual(message);
  });

  it('signs the raw body with HMAC-SHA256 so that the receiver can verify it', async () => {
    const secret = 'receiver-shared-secret-0123456789';
    const { base, received } = await startReceiver(answer(200, { ok: true }));
    await new WebhookChannel({ url: base, format: 'json', secret }).send(message);

    const req = received[0]!;
    const header = String(req.headers['x-jixiao-signature']);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    const expected = createHmac('sha256', secret).update(req.body).digest();
    expect(timingSafeEqual(Buffer.from(header.slice('sha256='.length), 'hex'), expected)).toBe(true);
    // Wrong key: the receiver would refuse it.
    expect(createHmac('sha256', 'another-secret').update(req.body).digest('hex')).not.toBe(header.slice(7));
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [400, false],
    [404, false],
  ])('HTTP %i → DeliveryError, retryable = %s', async (status, retryable) => {
    const { base } = await startReceiver(answer(status, { error: 'x' }));
    const err = await failure(new WebhookChannel({ url: base, format: 'json' }).send(message));
    expect(err.retryable).toBe(retryable);
    expect(err.status).toBe(status);
  });

  it('does not follow a redirect: the misconfiguration is reported, not retried', async () => {
    const { base, received } = await startReceiver((_req, res) => {
      res.writeHead(302, { Location: '/elsewhere' });
      res.end();
    });
    const err = await failure(new WebhookChannel({ url: `${base}/hook`, format: 'json' }).send(message));
    expect(err.retryable).toBe(false);
    expect(err.status).toBe(302);
    expect(received.map((r) => r.url)).toEqual(['/hook']);
  });

  it('makes one attempt per send: a receiver failing twice gets the message on the third send', async () => {
    const { base, received } = await startReceiver((req, res, count) =>
      count <= 2 ? answer(503, 'busy')(req, res, count) : answer(200)(req, res, count),
    );
    const channel = new WebhookChannel({ url: base, format: 'json', secret: 'receiver-shared-secret-0123456789' });

    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(
        await channel.send(message).then(
          () => 'delivered',
          (e: DeliveryError) => `failed retryable=${e.retryable} status=${e.status}`,
        ),
      );
    }
    expect(outcomes).toEqual(['failed retryable=true status=503', 'failed retryable=true status=503', 'delivered']);
    expect(received).toHaveLength(3);
    // Every attempt is the same delivery: same id, same bytes, same signature.
    expect(new Set(received.map((r) => r.headers['x-jixiao-delivery']))).toEqual(new Set([message.id]));
    expect(new Set(received.map((r) => r.body.toString('base64'))).size).toBe(1);
    expect(new Set(received.map((r) => r.headers['x-jixiao-signature'])).size).toBe(1);
  });
});

describe('WebhookChannel, network failures', () => {
  it('times out within the configured time when the receiver never answers', async () => {
    const { base, received } = await startReceiver(() => undefined);
    const started = Date.now();
    const err = await failure(new WebhookChannel({ url: base, format: 'json', timeoutMs: 300 }).send(message));
    const elapsed = Date.now() - started;
    expect(err.retryable).toBe(true);
    expect(err.status).toBeUndefined();
    expect(err.message).toContain('超时');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
    expect(received).toHaveLength(1);
  });

  it('reports a refused connection as retryable', async () => {
    const { base } = await startReceiver(answer(200));
    const server = servers.pop()!;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const err = await failure(new WebhookChannel({ url: base, format: 'json' }).send(message));
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('ECONNREFUSED');
  });
});

describe('WebhookChannel, DingTalk robot', () => {
  const secret = 'SEC0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff';

  it('posts a markdown message and leaves the URL alone without a secret', async () => {
    const { base, received } = await startReceiver(answer(200, { errcode: 0, errmsg: 'ok' }));
    await new WebhookChannel({ url: `${base}/robot/send?access_token=tok123`, format: 'dingtalk' }).send(message);

    const req = received[0]!;
    expect(req.url).toBe('/robot/send?access_token=tok123');
    expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(req.body.toString('utf8')) as { msgtype: string; markdown: { title: string; text: string } };
    expect(Object.keys(body).sort()).toEqual(['markdown', 'msgtype']);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe(`【绩效】${message.title}`);
    expect(body.markdown.text).toContain(`【绩效】${message.title}`);
    expect(body.markdown.text).toContain('您单位的“城乡供水一体化”项目绩效目标尚未提交。');
    expect(body.markdown.text).toContain('申报截止时间：2025-03-31 17:00。');
    expect(body.markdown.text).toContain(`[查看详情](${message.link})`);
  });

  it('signs the URL (加签) with timestamp and sign = base64 HMAC-SHA256 of "timestamp\\nsecret"', async () => {
    const { base, received } = await startReceiver(answer(200, { errcode: 0, errmsg: 'ok' }));
    const before = Date.now();
    await new WebhookChannel({ url: `${base}/robot/send?access_token=tok123`, format: 'dingtalk', secret }).send(message);

    const raw = received[0]!.url;
    const query = new URL(raw, 'http://x').searchParams;
    expect(query.get('access_token')).toBe('tok123');
    const timestamp = query.get('timestamp')!;
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(timestamp)).toBeLessThanOrEqual(Date.now());
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(query.get('sign')).toBe(expected);
    // The base64 characters + / = arrive URL-encoded, as DingTalk requires.
    expect(raw).toContain(`&sign=${encodeURIComponent(expected)}`);
    expect(raw).not.toContain(secret);
  });

  it.each([
    [130101, 'send too fast, exceed 20 times per minute', true],
    [-1, '系统繁忙', true],
    [310000, 'keywords not in content', false],
    [310000, 'sign not match', false],
    [300001, 'token is not exist', false],
  ])('errcode %i (%s) → retryable = %s', async (errcode, errmsg, retryable) => {
    const { base } = await startReceiver(answer(200, { errcode, errmsg }));
    const url = `${base}/robot/send?access_token=tok123`;
    const err = await failure(new WebhookChannel({ url, format: 'dingtalk', secret }).send(message));
    expect(err.retryable).toBe(retryable);
    expect(err.errcode).toBe(errcode);
    expect(err.status).toBe(200);
    expect(err.message).toContain(String(errcode));
    expect(err.message).toContain(errmsg);
    // The secret and the robot's token stay out of anything that gets logged or stored.
    expect(err.message).not.toContain(secret);
    expect(err.message).not.toContain('tok123');
  });

  it('refuses an answer that is not a robot answer, without retrying', async () => {
    const { base } = await startReceiver((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>portal</html>');
    });
    const err = await failure(new WebhookChannel({ url: base, format: 'dingtalk' }).send(message));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('WEBHOOK_FORMAT');
  });

  it('keeps the token out of a timeout error', async () => {
    const { base } = await startReceiver(() => undefined);
    const url = `${base}/robot/send?access_token=tok123`;
    const err = await failure(new WebhookChannel({ url, format: 'dingtalk', secret, timeoutMs: 200 }).send(message));
    expect(err.retryable).toBe(true);
    expect(err.message).not.toContain('tok123');
    expect(err.message).not.toContain(secret);
  });
});

describe('WebhookChannel, WeCom (企业微信/政务微信) robot', () => {
  it('posts markdown content and accepts errcode 0', async () => {
    const { base, received } = await startReceiver(answer(200, { errcode: 0, errmsg: 'ok' }));
    await new WebhookChannel({ url: `${base}/cgi-bin/webhook/send?key=k-1`, format: 'wecom' }).send(message);

    const req = received[0]!;
    expect(req.url).toBe('/cgi-bin/webhook/send?key=k-1');
    const body = JSON.parse(req.body.toString('utf8')) as { msgtype: string; markdown: { content: string } };
    expect(body).toEqual({ msgtype: 'markdown', markdown: { content: expect.any(String) } });
    expect(body.markdown.content).toContain(`【绩效】${message.title}`);
    expect(body.markdown.content).toContain('申报截止时间：2025-03-31 17:00。');
    expect(body.markdown.content).toContain('接收人：zhangsan');
  });

  it('cuts an over-long body to the 4096-byte limit on a character boundary', async () => {
    const { base, received } = await startReceiver(answer(200, { errcode: 0, errmsg: 'ok' }));
    await new WebhookChannel({ url: base, format: 'wecom' }).send({ ...message, body: '绩效目标'.repeat(2000) });

    const { content } = (JSON.parse(received[0]!.body.toString('utf8')) as { markdown: { content: string } }).markdown;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content).toContain('已截断');
    expect(content).not.toContain('\uFFFD');
    expect(content).toContain('接收人：zhangsan');
  });

  it.each([
    [45009, 'api freq out of limit', true],
    [-1, 'system busy', true],
    [93000, 'invalid webhook url', false],
    [40058, 'markdown.content exceed max length', false],
  ])('errcode %i (%s) → retryable = %s', async (errcode, errmsg, retryable) => {
    const { base } = await startReceiver(answer(200, { errcode, errmsg }));
    const err = await failure(new WebhookChannel({ url: `${base}/send?key=k-1`, format: 'wecom' }).send(message));
    expect(err.retryable).toBe(retryable);
    expect(err.errcode).toBe(errcode);
    expect(err.message).toContain('企业微信机器人');
    expect(err.message).not.toContain('k-1');
  });

  it('treats an HTTP error of the robot by its status', async () => {
    const { base } = await startReceiver(answer(502, 'bad gateway'));
    const err = await failure(new WebhookChannel({ url: base, format: 'wecom' }).send(message));
    expect(err.retryable).toBe(true);
    expect(err.status).toBe(502);
  });
});

describe('WebhookChannel options', () => {
  it('refuses a URL that is not http(s) and an unknown format', () => {
    expect(() => new WebhookChannel({ url: 'ftp://example.org/x', format: 'json' })).toThrow('http(s)');
    expect(() => new WebhookChannel({ url: 'not a url', format: 'json' })).toThrow('not a valid URL');
    expect(() => new WebhookChannel({ url: 'https://example.org', format: 'slack' as 'json' })).toThrow('unknown format');
  });
});
