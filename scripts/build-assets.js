// Builds the public pages' own scripts and stylesheet (components/islands) with esbuild into
// public/assets/, with content hashes in the file names and a manifest the pages read. Those
// pages are server-rendered HTML without the React/Next.js client runtime: a small script adds
// the map, suggestions and selection to markup that already works without it.
// Called from next.config.js when Next.js builds or starts in development, so every `next build`
// produces them.
const fs = require('node:fs');
const path = require('node:path');

// The manifest names each output after its entry's name and extension: site.js, site.css.
const ENTRIES = [
  { out: 'site', in: 'components/islands/site.ts' },
  { out: 'site', in: 'components/islands/site.css' },
];
// Browsers of phones from about 2019 on (ES modules, fetch); newer syntax is lowered by esbuild.
const TARGET = ['es2019'];

function options(root, dev) {
  return {
    absWorkingDir: root,
    entryPoints: ENTRIES.map((entry) => ({ in: path.join(root, entry.in), out: entry.out })),
    outdir: path.join(root, 'public', 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: TARGET,
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    legalComments: 'none',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.png': 'file', '.svg': 'file' },
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  };
}

function writeManifest(root, metafile) {
  const manifest = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint) continue;
    const name = ENTRIES.find((entry) => path.resolve(root, entry.in) === path.resolve(root, output.entryPoint))?.out;
    if (name) manifest[`${name}${path.extname(file)}`] = `/assets/${path.basename(file)}`;
  }
  fs.writeFileSync(path.join(root, 'public', 'assets', 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Builds the assets once (production) or keeps them rebuilt on change (development). */
function buildAssets({ root = path.resolve(__dirname, '..'), dev = false, watch = false } = {}) {
  const esbuild = require('esbuild');
  fs.mkdirSync(path.join(root, 'public', 'assets'), { recursive: true });
  if (watch) {
    const plugin = { name: 'manifest', setup: (build) => build.onEnd((result) => {
        if (result.metafile) finish(root, result.metafile);
      }) };
    return esbuild.context({ ...options(root, dev), plugins: [plugin] }).then((context) => context.watch());
  }
  return finish(root, esbuild.buildSync(options(root, dev)).metafile);
}

// The new files are written before the old ones go, so a server running meanwhile (another
// build's tests) never misses the files its manifest names.
function finish(root, metafile) {
  const manifest = writeManifest(root, metafile);
  const outdir = path.join(root, 'public', 'assets');
  const keep = new Set([...Object.keys(metafile.outputs).map((file) => path.basename(file)), 'manifest.json']);
  const stale = Date.now() - 10 * 60 * 1000;
  for (const file of fs.readdirSync(outdir)) {
    const full = path.join(outdir, file);
    if (!keep.has(file) && fs.statSync(full).mtimeMs < stale) fs.rmSync(full, { force: true });
  }
  return manifest;
}

module.exports = { buildAssets, ENTRIES };

if (require.main === module) {
  const manifest = buildAssets({ dev: process.argv.includes('--dev') });
  console.log(manifest);
}
