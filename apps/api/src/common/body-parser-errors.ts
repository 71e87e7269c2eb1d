import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';

/**
 * Express error middleware right after the body parsers: turns their errors (malformed JSON, too
 * large, bad charset) into ApiErrors with a Chinese message, which the global filter then renders.
 */
export function bodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const type = (err as { type?: string })?.type;
  switch (type) {
    case 'entity.parse.failed':
      return next(ApiError.badRequest('请求体不是合法的 JSON'));
    case 'entity.too.large':
      return next(new ApiError(413, 'PAYLOAD_TOO_LARGE', '请求体过大'));
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return next(new ApiError(415, 'BAD_REQUEST', '请求体编码不受支持，请使用 UTF-8'));
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return next(ApiError.badRequest('请求体不完整'));
    default:
      return next(err);
  }
}
