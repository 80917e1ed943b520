// GET /sw.js: the service worker (components/islands/sw.ts, built by scripts/build-assets.js),
// with its configuration written in front: a version that changes with every built file, and the
// shell to keep (the offline page, the search page, the hashed script and stylesheet). A new build
// gives new bytes, so browsers install the new worker, which takes over at the next visit.
// Never cached by HTTP: browsers check it at each visit.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assetManifest } from '@/lib/render/assets';

export const dynamic = 'force-dynamic';

export function GET() {
  const manifest = assetManifest();
  const file = manifest['sw.js'];
  if (!file) return new Response('// service worker missing from the build', { status: 404, headers: { 'Content-Type': 'text/javascript' } });
  const source = fs.readFileSync(path.join(process.cwd(), 'public', file), 'utf8');
  const version = createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 12);
  const shell = ['/hors-ligne', '/recherche', manifest['site.js'], manifest['site.css'], manifest['offline.js'], '/icon.svg', '/icons/icon-192.png'].filter(
    Boolean,
  );
  const config = JSON.stringify({ version, shell });
  return new Response(`self.REPERES_SW=${config};\n${source}`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' },
  });
}
