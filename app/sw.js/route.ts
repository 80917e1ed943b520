// GET /sw.js: the service worker (components/islands/sw.ts, built by scripts/build-assets.js),
// with its configuration written in front: a version that changes with every built file, and the
// shell to keep (the offline page, the search page, the hashed scripts and the maps' stylesheet). A new build
// gives new bytes, so browsers install the new worker, which takes over at the next visit.
// Never cached by HTTP: browsers check it at each visit.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assetManifest } from '@/lib/render/assets';

export const dynamic = 'force-dynamic';

/** The chunks a built script imports statically (not the map's, imported on demand): the shell needs them too. */
function staticChunks(url: string | undefined): string[] {
  if (!url) return [];
  const source = fs.readFileSync(path.join(process.cwd(), 'public', url), 'utf8');
  return [...source.matchAll(/(?:from|import)\s*["']\.\/(chunk-[\w-]+\.js)["']/g)].map((match) => path.posix.join(path.posix.dirname(url), match[1]));
}

/** The worker's text for a build (its files never change under one manifest): built once, not per request. */
let built: { key: string; body: string } | null = null;

function workerFor(manifest: ReturnType<typeof assetManifest>, file: string): string {
  const key = JSON.stringify(manifest);
  if (built?.key === key) return built.body;
  const source = fs.readFileSync(path.join(process.cwd(), 'public', file), 'utf8');
  const version = createHash('sha256').update(key).digest('hex').slice(0, 12);
  const scripts = [manifest['site.js'], manifest['offline.js']];
  const chunks = new Set(scripts.flatMap(staticChunks));
  const shell = ['/hors-ligne', '/recherche', ...scripts, ...chunks, manifest['map.css'], '/icon.svg', '/icons/icon-192.png'].filter(Boolean);
  built = { key, body: `self.REPERES_SW=${JSON.stringify({ version, shell })};\n${source}` };
  return built.body;
}

export function GET() {
  const manifest = assetManifest();
  const file = manifest['sw.js'];
  if (!file) return new Response('// service worker missing from the build', { status: 404, headers: { 'Content-Type': 'text/javascript' } });
  return new Response(workerFor(manifest, file), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' },
  });
}
