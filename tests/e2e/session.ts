// Signing in and reading the outbox, as people do, for the back-office specs.
import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';

export async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').first().fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** The last message sent to an address, read from the outbox by an administrator. */
export async function lastMessageTo(browser: Browser, email: string) {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signInWithPassword(admin, 'admin@reperes.example', 'demo-admin-2026');
  await admin.goto('/admin/outbox');
  const message = admin.locator('.outbox li').filter({ hasText: `à ${email}` }).first();
  const text = (await message.locator('pre').textContent()) ?? '';
  const subject = (await message.locator('strong').first().textContent()) ?? '';
  await context.close();
  return { subject, text };
}

/** The first link of the last message sent to an address (sign-in, invitation, reset…). */
export async function lastLinkFor(browser: Browser, email: string) {
  return (await lastMessageTo(browser, email)).text.match(/http\S+/)![0];
}
