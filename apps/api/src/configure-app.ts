import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, requestIdMiddleware } from '@app/config';
import type { AppConfig } from '@app/config';
import { bodyParserErrors } from './common/body-parser-errors';
import { createValidationPipe } from './common/validation';

/** Everything main.ts and the end-to-end tests both need, so that tests exercise the real app. */
export function configureApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  // First, so that even a body the parser rejects gets a request id.
  app.use(requestIdMiddleware);
  app.use(helmet());
  app.disable('x-powered-by');
  const { trustProxy } = app.get<AppConfig>(APP_CONFIG);
  // Behind a reverse proxy, the client (login rate limit, audit log) is the one the proxy names.
  if (trustProxy !== null) app.set('trust proxy', trustProxy);
  // Legitimate bodies are tens of kB. JSON may reach 12 MB so that an oversized field is refused by
  // validation with its path (400) rather than by size alone; imported text stays at 2 MB.
  app.useBodyParser('json', { limit: '12mb' });
  app.useBodyParser('text', { limit: '2mb', type: 'text/plain' });
  app.useBodyParser('raw', { limit: '5mb', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  app.use(bodyParserErrors);
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      { path: 'admin/queues', method: RequestMethod.ALL },
      { path: 'admin/queues/{*path}', method: RequestMethod.ALL },
    ],
  });
  serveWebPage(app, app.get<AppConfig>(APP_CONFIG).webRoot);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jixiao 绩效目标管理 API')
      .setDescription('财政项目支出绩效目标申报、审核、批复与年终自评。错误体：{ error: { code, message, details } }')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}

// The web page's own policy: its scripts and styles are files of the same origin. Unlike helmet's
// default it does not upgrade to https, so the page also works on a plain-http intranet address.
const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Paths that belong to the API and operations, never to the page (whose admin pages are /admin/…). */
const NOT_THE_PAGE = /^\/(api|health|metrics|admin\/queues)(\/|$)/;
// A missing built file is a 404, not the page in its place.
const ASSET = /^\/assets\//;

/**
 * The web page (apps/web, built to dist/web) at `/`: its files, and index.html for every other GET
 * outside the API so that the page's own addresses (/forms/…) survive a reload. Only when built.
 */
function serveWebPage(app: NestExpressApplication, webRoot: string): void {
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) return;
  const files = express.static(webRoot, {
    index: false,
    // Hashed file names under assets/ never change; index.html must be looked at again.
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.startsWith(join(webRoot, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  // One step for the page: API and operations requests pass straight on, without a file-system lookup.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (NOT_THE_PAGE.test(req.path)) return next();
    res.setHeader('Content-Security-Policy', WEB_CSP);
    files(req, res, (err?: unknown) => {
      if (err || (req.method !== 'GET' && req.method !== 'HEAD') || ASSET.test(req.path)) return next(err);
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
}
