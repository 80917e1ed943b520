// Draws the installed app's PNG icons (public/icons, committed) from app/icon.svg in Chromium, the
// browser the end-to-end tests already use: no image library to install for three files made once.
// Run again after changing the icon: `npx tsx scripts/make-icons.ts`.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { resolveChromiumSync } from './browser';

const root = path.resolve(__dirname, '..');
const svg = fs.readFileSync(path.join(root, 'app', 'icon.svg'), 'utf8');

// "any": the pin on a white rounded square; "maskable": full-bleed blue, the pin (white) inside the 80 % safe circle.
const ICONS = [
  { file: 'icon-192.png', size: 192, background: '#ffffff', radius: '18%', pin: 0.78, svg },
  { file: 'icon-512.png', size: 512, background: '#ffffff', radius: '18%', pin: 0.78, svg },
  {
    file: 'icon-maskable-512.png',
    size: 512,
    background: '#1d4e89',
    radius: '0',
    pin: 0.56,
    svg: svg.replaceAll('#1d4e89', '#ffffff').replace('fill="#fff"/></svg>', 'fill="#1d4e89"/></svg>'),
  },
];

async function main() {
  const browser = await chromium.launch({ executablePath: resolveChromiumSync(), args: ['--no-sandbox'] });
  const page = await browser.newPage();
  fs.mkdirSync(path.join(root, 'public', 'icons'), { recursive: true });
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    const image = `data:image/svg+xml;base64,${Buffer.from(icon.svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><div style="width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;background:${icon.background};border-radius:${icon.radius}"><img src="${image}" style="width:${icon.pin * 100}%;height:${icon.pin * 100}%"></div></body></html>`,
    );
    await page.screenshot({ path: path.join(root, 'public', 'icons', icon.file), omitBackground: true });
    console.log(icon.file);
  }
  await browser.close();
}

void main();
