// Signing in and reading the outbox, as people do, for the back-office specs.
import type { Browser, Page } from '@playwright/test';
import fs from 'node:fs';
import { expect } from './fixtures';
import { e2eMailLog } from './mail-log';

export async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').first().fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** The last message sent to an address, as received by the end-to-end server's SMTP sink (the
 * outbox copy masks the links' tokens). Waits up to 10 s: some mail is sent after the answer. */
export async function lastMessageTo(_browser: Browser, email: string, containing?: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = fs.existsSync(e2eMailLog()) ? fs.readFileSync(e2eMailLog(), 'utf8').split('\n').filter(Boolean) : [];
    const message = lines
      .map((line) => JSON.parse(line) as { to: string; subject: string; text: string })
      .filter((m) => m.to === email && (!containing || m.text.includes(containing)))
      .at(-1);
    if (message) return { subject: message.subject, text: message.text };
    if (Date.now() > deadline) throw new Error(`No message to ${email} in ${e2eMailLog()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link of the last message sent to an address (sign-in, invitation, reset…); with
 * `path`, of the last one holding such a link (sign-in and reset mail leave after the answer). */
export async function lastLinkFor(browser: Browser, email: string, path?: string) {
  const text = (await lastMessageTo(browser, email, path)).text;
  return (path ? text.match(new RegExp(`http\\S+${path}\\S*`)) : text.match(/http\S+/))![0];
}
