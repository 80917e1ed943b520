// Where a load test's CPU goes, per request: the app's processes, the PostgreSQL backends serving
// its database, the whole PostgreSQL server (exited parallel workers included), the harness itself
// (autocannon runs in the load test's process, on the same cores) and the machine as a whole.
// Read from /proc (Linux): a figure is the CPU time spent during a phase, divided by its requests.
// On a shared machine requests/s say little, CPU milliseconds per request still compare.
import fs from 'node:fs';
import pg from 'pg';

// Linux counts process times in clock ticks of 1/100 s (CLK_TCK, the same on every usual kernel).
const TICK_MS = 10;

/** utime + stime of a process (and, with `reaped`, of its children already waited for), in ms; 0 once gone. */
export function processCpuMs(pid: number, reaped = false): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14–17 of proc(5) (utime, stime, cutime, cstime) are at 11–14 here.
    const own = Number(fields[11]) + Number(fields[12]);
    return (reaped ? own + Number(fields[13]) + Number(fields[14]) : own) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The parent of a process, 0 when unknown (not on this machine). */
function parentOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** A process and its descendants, from /proc. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  return tree;
}

/** Busy time of all cores since boot (user, nice, system, irq, softirq, steal), in ms. */
function machineBusyMs(): number {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}

export type CpuSample = { app: number; harness: number; pgOwn: Map<number, number>; pgServer: number; machine: number; at: number };
export type CpuPerRequest = { app: number; postgres: number; postgresServer: number; harness: number; machine: number; wallMs: number };

/**
 * Samples the CPU of the app processes (their trees), of the backends of the database at `url`
 * (read through a connection of its own, left out) and of the server: call `sample()` before and
 * after a phase, then `perRequest(before, after, requests)`.
 */
export async function cpuMeter(url: string, appPids: () => number[]) {
  const client = new pg.Client({ connectionString: url });
  const connected = await client.connect().then(
    () => true,
    () => false,
  );
  // The server's main process: the parent of this connection's backend (a local server only).
  const postmaster = connected
    ? await client
        .query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
        .then((r) => parentOf(r.rows[0].pid))
        .catch(() => 0)
    : 0;

  async function ownBackends(): Promise<Map<number, number>> {
    if (!connected) return new Map();
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
  }

  const serverMs = () => (postmaster ? processTree(postmaster).reduce((sum, pid) => sum + processCpuMs(pid, pid === postmaster), 0) : 0);

  return {
    async sample(): Promise<CpuSample> {
      const usage = process.cpuUsage();
      return {
        app: appPids().reduce((sum, pid) => sum + processTree(pid).reduce((s, p) => s + processCpuMs(p), 0), 0),
        harness: (usage.user + usage.system) / 1000,
        pgOwn: await ownBackends(),
        pgServer: serverMs(),
        machine: machineBusyMs(),
        at: performance.now(),
      };
    },
    perRequest(before: CpuSample, after: CpuSample, requests: number): CpuPerRequest {
      // A backend that started during the phase counts from zero; one that ended is lost (rare: the pool keeps them).
      let pgOwn = 0;
      for (const [pid, ms] of after.pgOwn) pgOwn += ms - (before.pgOwn.get(pid) ?? 0);
      const per = (ms: number) => Math.round((ms / Math.max(1, requests)) * 100) / 100;
      return {
        app: per(after.app - before.app),
        postgres: per(pgOwn),
        postgresServer: per(after.pgServer - before.pgServer),
        harness: per(after.harness - before.harness),
        machine: per(after.machine - before.machine),
        wallMs: Math.round(after.at - before.at),
      };
    },
    end: () => client.end().catch(() => undefined),
  };
}
