// The phone-sized menus (issue #23), as their specs check them: phone-nav.spec.ts (public header)
// and admin-phone-nav.spec.ts (back-office).
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The menu button as Chromium's accessibility tree gives it to screen readers: name, role, expanded. */
export async function menuButtonForScreenReaders(page: Page, name: string) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const node = nodes.find((n) => n.name?.value === name && !n.ignored && ['DisclosureTriangle', 'button'].includes(String(n.role?.value)));
  if (!node) return null;
  const property = (key: string) => node.properties?.find((p) => p.name === key)?.value.value;
  return { role: String(node.role?.value), expanded: property('expanded') === true, focusable: property('focusable') === true };
}

/** The header is one line: the brand and the menu button side by side, no taller than one 44 px target and its padding. */
export async function expectOneLine(container: Locator, first: Locator, button: Locator) {
  const box = (await container.boundingBox())!;
  expect(box.height, 'one line').toBeLessThanOrEqual(72);
  const a = (await first.boundingBox())!;
  const b = (await button.boundingBox())!;
  // Same line: their vertical extents overlap.
  expect(Math.max(a.y, b.y)).toBeLessThan(Math.min(a.y + a.height, b.y + b.height));
}
