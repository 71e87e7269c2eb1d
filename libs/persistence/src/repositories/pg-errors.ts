/** PostgreSQL error code of a failed query (TypeORM wraps the driver error). */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
export const CHECK_VIOLATION = '23514';

/** A row with the same natural key exists (duplicate username, sibling organisation name). */
export class DuplicateError extends Error {
  constructor(readonly what: string) {
    super(`duplicate ${what}`);
    this.name = 'DuplicateError';
  }
}
