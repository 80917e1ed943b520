// The app processes a load test measures (bench/loadtest.ts): one or several fresh `next start`,
// behind a round-robin loopback proxy when several, and their resident memory.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { startApp, type App } from './app';

/** Where and how to start the apps: the front port, how many instances, their heap, the load's connections. */
export type LoadTestApps = { port: number; instances: number; heapMb: number; connections: number };

/** Resident memory of a process and its children, in MiB. */
function memoryOf(pid: number): number {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of table) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return table.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

/** The only request the harness proxies: round robin over the instances, keep-alive upstream. */
function roundRobinProxy(port: number, targets: number[], connections: number): Promise<http.Server> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections * 2 });
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = targets[next++ % targets.length];
    const headers = { ...request.headers };
    delete headers.connection;
    delete headers['keep-alive'];
    const upstream = http.request({ host: '127.0.0.1', port: target, method: request.method, path: request.url, headers, agent }, (answer) => {
      const back = { ...answer.headers };
      delete back.connection;
      delete back['keep-alive'];
      response.writeHead(answer.statusCode ?? 502, back);
      answer.pipe(response);
    });
    upstream.on('error', () => (response.headersSent ? response.destroy() : response.writeHead(502).end()));
    request.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  server.on('close', () => agent.destroy());
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** One or several fresh `next start` (behind the proxy), for one group of phases. */
export async function startApps(url: string, settings: Record<string, string>, options: LoadTestApps) {
  const { port: PORT, instances: INSTANCES, heapMb: HEAP_MB, connections } = options;
  const ports = INSTANCES === 1 ? [PORT] : Array.from({ length: INSTANCES }, (_, i) => PORT + 1 + i);
  const apps: App[] = [];
  for (const port of ports)
    apps.push(
      await startApp({
        port,
        databaseUrl: url,
        heapMb: HEAP_MB,
        settings: { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20', E2E: '', ...settings },
      }),
    );
  const proxy = INSTANCES > 1 ? await roundRobinProxy(PORT, ports, connections) : null;
  return {
    front: `http://127.0.0.1:${PORT}`,
    settings: apps[0].settings,
    memory: () => apps.reduce((sum, app) => sum + memoryOf(app.process.pid!), 0),
    pids: () => apps.map((app) => app.process.pid!),
    /** Seconds since the first app was started: where a phase lies in its CPU profile (bench/profile-summary.ts --window). */
    age: () => (performance.now() - apps[0].startedAt) / 1000,
    stop: async () => {
      proxy?.close();
      await Promise.all(apps.map((app) => app.stop()));
    },
  };
}
