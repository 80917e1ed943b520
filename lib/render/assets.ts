import 'server-only';
// The hashed URLs of the public pages' script and stylesheet, from the manifest that
// scripts/build-assets.js writes at `next build` (in development: rebuilt when a source changes).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type AssetName = 'site.js' | 'site.css' | 'map.css' | 'selection-sheet.js' | 'offline.js' | 'sw.js';
type Manifest = Partial<Record<AssetName, string>>;

type BuildScript = { buildAssets(options: { root: string; dev: boolean }): Manifest; sourceFiles(root: string): string[] };

let manifest: Manifest | null = null;
let builtAt = 0;

function buildScript(root: string): BuildScript {
  return createRequire(path.join(root, 'package.json'))('./scripts/build-assets.js') as BuildScript;
}

function read(): Manifest {
  if (manifest && process.env.NODE_ENV === 'production') return manifest;
  const root = process.cwd();
  if (process.env.NODE_ENV !== 'production') {
    // Development (and tests rendering pages directly): rebuilt into public/assets-dev when a source changed.
    const script = buildScript(root);
    const changed = Math.max(...script.sourceFiles(root).map((file) => fs.statSync(file).mtimeMs));
    if (!manifest || changed > builtAt) {
      builtAt = Date.now();
      manifest = script.buildAssets({ root, dev: true });
    }
    return manifest;
  }
  const file = path.join(root, 'public', 'assets', 'manifest.json');
  // A production server started without `next build` having built them: build them now.
  if (!fs.existsSync(file)) buildScript(root).buildAssets({ root, dev: false });
  manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  return manifest;
}

export function assetUrl(name: AssetName): string {
  const url = read()[name];
  if (!url) throw new Error(`public asset ${name} is missing from public/assets/manifest.json`);
  return url;
}

let inlined: { url: string; css: string } | null = null;

/**
 * The public pages' stylesheet as text, for their head: a linked stylesheet blocks the first paint
 * for one more round trip (400 ms on a slow phone network, bench/README.md "Page weight"). Read once
 * per build (the file of a manifest never changes).
 */
export function inlineStylesheet(): string {
  const url = assetUrl('site.css');
  if (inlined?.url !== url) inlined = { url, css: fs.readFileSync(path.join(process.cwd(), 'public', url), 'utf8').replaceAll('</', '<\\/') };
  return inlined.css;
}

/** Every built file by name (the service worker's shell and version: app/sw.js/route.ts). */
export function assetManifest(): Manifest {
  return { ...read() };
}
