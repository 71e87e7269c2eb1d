import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorBody } from './api-error';
import { mapError } from './error-mapping';

/** Every error leaves as `{ error: { code, message, details, requestId } }` (API.md "Errors"). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const mapped = mapError(exception);
    if (mapped.unexpected) {
      this.logger.error(
        { err: exception, method: req.method, url: req.originalUrl, requestId: req.id },
        'Unhandled error',
      );
    }
    if (res.headersSent) return;
    const body: ErrorBody = {
      error: {
        code: mapped.code,
        message: mapped.message,
        details: mapped.details,
        requestId: req.id === undefined ? undefined : String(req.id),
      },
    };
    res.status(mapped.status).json(body);
  }
}
