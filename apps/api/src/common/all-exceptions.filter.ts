import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { SecurityAuditRepository } from '@app/persistence';
import { ErrorBody } from './api-error';
import { AuthenticatedRequest, clientInfo } from './caller';
import { mapError } from './error-mapping';

/**
 * Every error leaves as `{ error: { code, message, details, requestId } }` (API.md "Errors"). Every
 * 403 — from the role guard or from a use case — is written to the security audit log here, once.
 */
@Catch()
@Injectable()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly audit: SecurityAuditRepository) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<AuthenticatedRequest>();
    const mapped = mapError(exception);
    if (mapped.status === 403 && req.caller) await this.auditDenial(req);
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

  private async auditDenial(req: AuthenticatedRequest): Promise<void> {
    const caller = req.caller!;
    try {
      await this.audit.append({
        event: 'PERMISSION_DENIED',
        userId: caller.id,
        username: caller.username,
        ...clientInfo(req),
        details: { method: req.method, route: (req.route as { path?: string } | undefined)?.path ?? req.path, role: caller.role },
      });
    } catch (err) {
      // The answer is still a 403; a lost audit row is logged, not turned into a 500.
      this.logger.error({ err }, 'Could not audit a permission denial');
    }
  }
}
