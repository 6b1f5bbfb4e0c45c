// Renders resources/icon.svg to resources/icon.png (1024x1024, transparent background) with
// Playwright's Chromium. Run: node scripts/make-icon.js
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svgPath = path.join(root, 'resources', 'icon.svg');
const pngPath = path.join(root, 'resources', 'icon.png');
const size = 1024;

const svg = await readFile(svgPath, 'utf8');
const html = `<!doctype html><html><head><style>
  html, body { margin: 0; padding: 0; background: transparent; }
  svg { display: block; width: ${size}px; height: ${size}px; }
</style></head><body>${svg}</body></html>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.screenshot({ path: pngPath, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`wrote ${path.relative(root, pngPath)} (${size}x${size})`);
} finally {
  await browser.close();
}
