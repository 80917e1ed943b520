import { defineConfig, devices } from '@playwright/test';
import { resolveChromiumSync } from './scripts/browser';

// CHROMIUM_PATH, else the system Chromium, else (Linux x64) the one the npm packages bring;
// REPERES_BROWSER=bundled forces the latter. Elsewhere: `npx playwright install chromium` once.
const executablePath = resolveChromiumSync();
const port = process.env.E2E_PORT ?? '3100';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.data/playwright-results.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The back-office specs edit demo places: they run after the public specs that read them.
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /admin[\w-]*\.spec\.ts/ },
    { name: 'back-office', use: { ...devices['Desktop Chrome'] }, testMatch: /admin[\w-]*\.spec\.ts/, dependencies: ['chromium'] },
  ],
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: process.env.PW_REUSE === '1',
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
