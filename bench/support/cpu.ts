import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of the processes taking part in a benchmark, read from Linux's /proc: where the
 * milliseconds of one operation go (API, PostgreSQL, the load generator). Elsewhere it reads nothing
 * and the benchmark reports null.
 */
export interface CpuSample {
  /** Seconds of CPU (user + system) per process group. */
  seconds: Record<string, number>;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of one process in seconds, or null when /proc does not have it. */
function processSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Every process of this command name (e.g. all PostgreSQL backends), summed. */
function commandSeconds(command: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== command) continue;
      total += processSeconds(Number(entry)) ?? 0;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

/** A sample now: the given processes by pid, PostgreSQL by command name, and this process itself. */
export function sampleCpu(pids: Record<string, number | undefined>): CpuSample | null {
  try {
    readdirSync('/proc');
  } catch {
    return null;
  }
  const seconds: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) seconds[name] = (pid && processSeconds(pid)) || 0;
  seconds.postgres = commandSeconds('postgres');
  const own = process.cpuUsage();
  seconds.loadGenerator = (own.user + own.system) / 1e6;
  return { seconds };
}

/** Milliseconds of CPU per operation for each group between two samples. */
export function cpuPerOperation(before: CpuSample | null, after: CpuSample | null, operations: number): Record<string, number> | null {
  if (!before || !after || operations === 0) return null;
  const out: Record<string, number> = {};
  for (const name of Object.keys(after.seconds)) {
    out[name] = Math.round(((after.seconds[name] - (before.seconds[name] ?? 0)) * 1000 * 1000) / operations) / 1000;
  }
  return out;
}
