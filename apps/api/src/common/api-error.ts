import { HttpStatus } from '@nestjs/common';

/** The error codes of API.md "Errors" (plus SERVICE_UNAVAILABLE, CONFLICT, PAYLOAD_TOO_LARGE, INTERNAL_ERROR). */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'VERSION_CONFLICT'
  | 'NOT_EDITABLE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PAYLOAD_TOO_LARGE'
  | 'VALIDATION_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'
  | 'SERVICE_UNAVAILABLE';

export interface ErrorDetail {
  path?: string;
  rule?: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown[]; requestId?: string };
}

/** An error meant for the client: status, code and a Chinese message, thrown by the HTTP layer only. */
export class ApiError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static badRequest(message: string, details: ErrorDetail[] = []) {
    return new ApiError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', message, details);
  }
  static unauthenticated(message = '未登录或登录已失效') {
    return new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', message);
  }
  static forbidden(message = '当前角色无权执行此操作') {
    return new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
  }
  /** The same body whether the resource is missing or outside the caller's scope. */
  static notFound(message = '资源不存在') {
    return new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', message);
  }
  static conflict(message: string, details: ErrorDetail[] = []) {
    return new ApiError(HttpStatus.CONFLICT, 'CONFLICT', message, details);
  }
  static validation(details: ErrorDetail[], message = '内容不符合规则') {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'VALIDATION_FAILED', message, details);
  }
  static locked(message: string) {
    return new ApiError(HttpStatus.LOCKED, 'ACCOUNT_LOCKED', message);
  }
}
