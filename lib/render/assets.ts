import 'server-only';
// The hashed URLs of the public pages' script and stylesheet, from the manifest that
// scripts/build-assets.js writes at `next build` (in development: rebuilt when a source changes).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type AssetName = 'site.js' | 'site.css' | 'selection-sheet.js' | 'offline.js' | 'sw.js';
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

/** Every built file by name (the service worker's shell and version: app/sw.js/route.ts). */
export function assetManifest(): Manifest {
  return { ...read() };
}
