/** Positional parameters for a hand-written statement: add() returns the placeholder, with a cast. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }

  json(value: unknown): string {
    return this.add(JSON.stringify(value), 'jsonb');
  }

  /** A jsonb value, or SQL NULL for undefined (always a parameter, so the text does not change). */
  jsonOrNull(value: unknown): string {
    return this.add(value === undefined ? null : JSON.stringify(value), 'jsonb');
  }
}
