// The browser the end-to-end tests drive: chosen from the environment, and the npm-packaged
// Chromium really launches and renders a page (the newcomer's path, with no browser installed).
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { bundledSupported, chooseBrowser, RESOLVED_ENV, resolveChromium, resolveChromiumSync } from './browser';

describe('choice of the browser', () => {
  it('prefers CHROMIUM_PATH, then the system Chromium, then the npm-packaged one', () => {
    expect(chooseBrowser({ CHROMIUM_PATH: process.execPath }, () => '/usr/bin/chromium')).toMatchObject({ kind: 'executable', path: process.execPath });
    expect(chooseBrowser({}, () => '/usr/bin/chromium')).toMatchObject({ kind: 'executable', path: '/usr/bin/chromium' });
    expect(chooseBrowser({}, () => undefined).kind).toBe(bundledSupported() ? 'bundled' : 'playwright');
  });

  it('obeys REPERES_BROWSER, even with a system Chromium', () => {
    if (bundledSupported()) expect(chooseBrowser({ REPERES_BROWSER: 'bundled' }, () => '/usr/bin/chromium').kind).toBe('bundled');
    expect(chooseBrowser({ REPERES_BROWSER: 'playwright' }, () => '/usr/bin/chromium').kind).toBe('playwright');
    expect(chooseBrowser({ REPERES_BROWSER: 'system' }, () => '/usr/bin/chromium')).toMatchObject({ kind: 'executable', path: '/usr/bin/chromium' });
  });

  it('says what is wrong with a bad setting', () => {
    expect(() => chooseBrowser({ REPERES_BROWSER: 'firefox' }, () => undefined)).toThrow(/REPERES_BROWSER=firefox is not one of bundled, system, playwright/);
    expect(() => chooseBrowser({ CHROMIUM_PATH: '/nowhere/chromium' }, () => undefined)).toThrow('CHROMIUM_PATH=/nowhere/chromium: no such file.');
    expect(() => chooseBrowser({ REPERES_BROWSER: 'system' }, () => undefined)).toThrow(/REPERES_BROWSER=system: no Chromium/);
  });
});

describe.runIf(bundledSupported())('the npm-packaged Chromium', () => {
  it('launches and renders a French page with its own font', async () => {
    const executablePath = await resolveChromium({ REPERES_BROWSER: 'bundled' });
    expect(executablePath).toMatch(/reperes-chromium-[\d.]+-\w+\/chromium-launcher\.sh$/);
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.setContent(
        '<main><h1>Où trouver de l’aide ?</h1><span id="a" style="font: 20px \'Open Sans\', monospace">Repères</span><span id="b" style="font: 20px monospace">Repères</span></main>',
      );
      await expect.poll(() => page.textContent('h1')).toBe('Où trouver de l’aide ?');
      // The package's Open Sans is found through the launcher's fontconfig file.
      const width = (id: string) => page.evaluate((selector) => document.querySelector(selector)!.getBoundingClientRect().width, `#${id}`);
      expect(await width('a')).toBeGreaterThan(0);
      expect(await width('a')).not.toBe(await width('b'));
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('is resolved synchronously for playwright.config.ts, and the answer kept for its workers', () => {
    const env: Record<string, string | undefined> = { REPERES_BROWSER: 'bundled' };
    const executable = resolveChromiumSync(env);
    expect(executable).toMatch(/chromium-launcher\.sh$/);
    expect(env[RESOLVED_ENV]).toBe(executable);
    expect(resolveChromiumSync({ [RESOLVED_ENV]: '' })).toBeUndefined();
  });
});
