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

/** The fields of /proc/<pid>/stat after the command name, or null when /proc does not have it. */
function statFields(pid: number | string): { command: string; fields: string[] } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields are counted after the last ')'.
    return { command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), fields: stat.slice(stat.lastIndexOf(')') + 2).split(' ') };
  } catch {
    return null;
  }
}

/** utime + stime of one process in seconds, or null when /proc does not have it. */
function processSeconds(pid: number): number | null {
  const stat = statFields(pid);
  return stat && (Number(stat.fields[11]) + Number(stat.fields[12])) / TICKS_PER_SECOND;
}

/**
 * Every process of this command name (e.g. all PostgreSQL backends), summed, with the CPU of their
 * children that have ended (cutime + cstime): a backend whose connection closed during a run is
 * counted by the postmaster that reaped it, not lost.
 */
function commandSeconds(command: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statFields(entry);
    if (stat?.command !== command) continue;
    const [utime, stime, cutime, cstime] = stat.fields.slice(11, 15).map(Number);
    total += (utime + stime + cutime + cstime) / TICKS_PER_SECOND;
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
