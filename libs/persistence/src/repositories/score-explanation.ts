import { deflateSync, inflateSync } from 'node:zlib';
import type { ScoreResult } from '@app/domain';

/**
 * A stored score's explanation (scores.explanation, bytea): the ScoreResult as JSON, deflated by the
 * process that scored it, so that PostgreSQL stores a ~0.9 kB value without parsing or compressing it
 * (4.6 kB of jsonb before; bench/scoring in BENCHMARKS.md). Rows converted by the migration
 * ScoreExplanations1764200000000 hold the JSON text itself; a JSON object starts with `{`, a zlib
 * stream never does (its first byte is 0x78), so both read back the same.
 */
export function encodeExplanation(result: ScoreResult): Buffer {
  // Level 1: a third of the time of the default level for 10 % more bytes.
  return deflateSync(JSON.stringify(result), { level: 1 });
}

export function decodeExplanation(bytes: Buffer): ScoreResult {
  const json = bytes[0] === 0x7b ? bytes : inflateSync(bytes);
  return JSON.parse(json.toString('utf8')) as ScoreResult;
}
