import { HttpException, HttpStatus } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { CalendarYearMissingError } from '@app/domain';
import { DatabaseUnavailableError } from '@app/persistence';
import { SchemeNotFoundError } from '@app/workflow';
import { ApiError, ErrorCode } from './api-error';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'BAD_REQUEST',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'BAD_REQUEST',
  422: 'VALIDATION_FAILED',
  423: 'ACCOUNT_LOCKED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

const MESSAGE_BY_CODE: Record<ErrorCode, string> = {
  BAD_REQUEST: '请求格式有误',
  UNAUTHENTICATED: '未登录或登录已失效',
  FORBIDDEN: '当前角色无权执行此操作',
  NOT_FOUND: '资源不存在',
  CONFLICT: '与现有数据冲突',
  INVALID_TRANSITION: '当前状态下不允许此操作',
  VERSION_CONFLICT: '数据已被他人修改，请刷新后重试',
  NOT_EDITABLE: '当前状态下内容不可修改',
  IDEMPOTENCY_KEY_REUSED: '幂等键已用于另一个请求',
  PAYLOAD_TOO_LARGE: '请求体过大',
  VALIDATION_FAILED: '内容不符合规则',
  ACCOUNT_LOCKED: '账户已锁定',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  INTERNAL_ERROR: '服务器内部错误，请稍后重试或联系管理员',
  SERVICE_UNAVAILABLE: '服务暂不可用（数据库或缓存未就绪），请稍后重试',
};

/** Connection-level failures of pg / TypeORM: the database went away, not the client's fault. */
function isDatabaseConnectionError(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  const e = err as { code?: string; message?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  if (typeof code === 'string' && (code.startsWith('08') || code === '57P01' || code === 'ECONNREFUSED')) {
    return true;
  }
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/.test(
    e?.message ?? '',
  );
}

export interface MappedError {
  status: number;
  code: ErrorCode;
  message: string;
  details: unknown[];
  /** Unexpected errors are logged with their stack; client errors are not. */
  unexpected: boolean;
}

/** Maps anything thrown while handling a request to the error body of API.md. */
export function mapError(err: unknown): MappedError {
  if (err instanceof ApiError) {
    return { status: err.status, code: err.code, message: err.message, details: err.details, unexpected: false };
  }
  // A deadline falls in a year whose holidays nobody has loaded: refused, never guessed.
  if (err instanceof CalendarYearMissingError) {
    return {
      status: 422,
      code: 'VALIDATION_FAILED',
      message: err.message,
      details: [{ path: 'calendar', rule: 'calendar.yearMissing', message: err.message, year: err.year }],
      unexpected: false,
    };
  }
  if (err instanceof SchemeNotFoundError) {
    return { status: 422, code: 'VALIDATION_FAILED', message: err.message, details: [{ path: 'schemeVersion', rule: 'scheme.unknown', message: err.message }], unexpected: false };
  }
  if (err instanceof ThrottlerException) {
    return { status: 429, code: 'RATE_LIMITED', message: MESSAGE_BY_CODE.RATE_LIMITED, details: [], unexpected: false };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    return { status, code, message: MESSAGE_BY_CODE[code], details: [], unexpected: status >= 500 };
  }
  // Errors raised by express middleware (body-parser) carry their status and a type.
  const mw = err as { status?: number; statusCode?: number; type?: string };
  const mwStatus = mw?.status ?? mw?.statusCode;
  if (typeof mwStatus === 'number' && mwStatus >= 400 && mwStatus < 500) {
    if (mw.type === 'entity.parse.failed') {
      return { status: 400, code: 'BAD_REQUEST', message: '请求体不是合法的 JSON', details: [], unexpected: false };
    }
    const code = CODE_BY_STATUS[mwStatus] ?? 'BAD_REQUEST';
    return { status: mwStatus, code, message: MESSAGE_BY_CODE[code], details: [], unexpected: false };
  }
  if (isDatabaseConnectionError(err)) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      code: 'SERVICE_UNAVAILABLE',
      message: MESSAGE_BY_CODE.SERVICE_UNAVAILABLE,
      details: [],
      unexpected: false,
    };
  }
  return { status: 500, code: 'INTERNAL_ERROR', message: MESSAGE_BY_CODE.INTERNAL_ERROR, details: [], unexpected: true };
}
