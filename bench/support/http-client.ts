import http from 'node:http';

/** A minimal keep-alive JSON client: the benchmark measures the API, not a client library. */
export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly base: URL,
    connections: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  request<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
            ...(token ? { authorization: token } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
          });
        },
      );
      req.on('error', reject);
      // Headers and body in one write, without Nagle: otherwise delayed ACKs add ~40 ms per request.
      req.setNoDelay(true);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
