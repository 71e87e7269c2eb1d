import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { requestIdMiddleware } from '@app/config';
import { bodyParserErrors } from './common/body-parser-errors';
import { createValidationPipe } from './common/validation';

/** Everything main.ts and the end-to-end tests both need, so that tests exercise the real app. */
export function configureApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  // First, so that even a body the parser rejects gets a request id.
  app.use(requestIdMiddleware);
  app.use(helmet());
  app.disable('x-powered-by');
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
