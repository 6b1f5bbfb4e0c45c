import { defineConfig } from '@playwright/test';

/**
 * Two suites:
 * - renderer: the built renderer (out/renderer) in Chromium, with `window.api` backed by the real
 *   main-process services; runs everywhere.
 * - electron: the real app through Playwright's Electron support; skips, saying why, where no
 *   Electron binary is installed.
 */
const chromium = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? 'list' : [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'renderer',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: chromium,
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
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
