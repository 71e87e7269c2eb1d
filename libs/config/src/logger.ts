import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './app-config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type WithId = IncomingMessage & { id?: string };

/**
 * Express middleware, installed before anything else: the caller's X-Request-Id when it is sane,
 * else a new UUID, on `req.id` and in the X-Request-Id response header. Every log line and every
 * error body of the request carries it.
 */
export function requestIdMiddleware(req: WithId, res: ServerResponse, next: () => void): void {
  const given = req.headers['x-request-id'];
  req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
}

/** Structured JSON logs (pino) with the request id on every line of a request. */
export function loggerModule(config: AppConfig, app: 'api' | 'worker'): DynamicModule {
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      base: { app, pid: process.pid },
      genReqId: (req: IncomingMessage) => (req as WithId).id ?? randomUUID(),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
        censor: '[redacted]',
      },
      // Health probes every few seconds would drown the log.
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}
