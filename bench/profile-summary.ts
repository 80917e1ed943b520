// Reads a V8 CPU profile (`node --cpu-prof`; the load test writes one per app process with
// LOADTEST_CPU_PROF=<dir>) and prints where the time went: busy time, then the top frames by self
// time and by total time (a frame counted once per sample however deep its recursion), and self
// time by package. With `--per=<requests>`, times are also given in ms per request.
//
//   npx tsx bench/profile-summary.ts <file.cpuprofile> [--top=30] [--per=<requests>] [--match=<regexp>] [--window=<from>-<to> seconds]
import fs from 'node:fs';

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: Frame; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--top=30] [--per=<requests>] [--match=<regexp>]');
  process.exit(2);
}
const TOP = Number(option('top') ?? 30);
const PER = Number(option('per') ?? 0);
const MATCH = option('match') ? new RegExp(option('match')!) : null;
// Seconds since the profile started (the process's start): only the samples in between.
const [FROM, TO] = (option('window') ?? '0-1e9').split('-').map((s) => Number(s) * 1e6);

const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Where a frame comes from: a package, Node.js itself, the app's bundle, or V8's pseudo-frames. */
function origin(frame: Frame): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 13).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    // Next.js ships React and others compiled inside itself.
    if (name === 'next') {
      const compiled = /dist\/compiled\/([^/]+(?:\/[^/]+)?)/.exec(url);
      if (compiled) return `next (compiled ${compiled[1].startsWith('@') ? compiled[1] : compiled[1].split('/')[0]})`;
    }
    return name;
  }
  if (url.includes('/.next')) return 'app bundle (.next)';
  return url.replace(/^file:\/\//, '');
}

const key = (f: Frame) =>
  `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/\.next/, '.next')}:${f.lineNumber + 1}`;

const self = new Map<string, number>();
const total = new Map<string, number>();
const byOrigin = new Map<string, number>();
let all = 0;
let idle = 0;
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i];
  if (at - profile.startTime < FROM || at - profile.startTime > TO) continue;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const node = byId.get(profile.samples[i])!;
  all += dt;
  if (node.callFrame.functionName === '(idle)') {
    idle += dt;
    continue;
  }
  self.set(key(node.callFrame), (self.get(key(node.callFrame)) ?? 0) + dt);
  byOrigin.set(origin(node.callFrame), (byOrigin.get(origin(node.callFrame)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const k = key(byId.get(id)!.callFrame);
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + dt);
  }
}

const busy = all - idle;
const fmt = (ms: number) =>
  `${ms.toFixed(0).padStart(8)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)} %${PER ? `  ${(ms / PER).toFixed(2).padStart(7)} ms/req` : ''}`;
const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);

console.log(
  `${file}: ${(all / 1000).toFixed(1)} s profiled, busy ${(busy / 1000).toFixed(1)} s, idle ${(idle / 1000).toFixed(1)} s${PER ? `, ${PER} requests: ${(busy / PER).toFixed(2)} ms busy a request` : ''}`,
);
console.log('\nSelf time by origin:');
for (const [k, ms] of top(byOrigin, TOP)) console.log(`${fmt(ms)}  ${k}`);
console.log('\nSelf time by frame:');
for (const [k, ms] of top(self, TOP)) console.log(`${fmt(ms)}  ${k}`);
console.log('\nTotal time by frame (self and callees):');
for (const [k, ms] of top(total, TOP)) console.log(`${fmt(ms)}  ${k}`);
if (MATCH) {
  console.log(`\nTotal time of frames matching ${MATCH}:`);
  for (const [k, ms] of top(new Map([...total].filter(([k]) => MATCH.test(k))), TOP)) console.log(`${fmt(ms)}  ${k}`);
}
