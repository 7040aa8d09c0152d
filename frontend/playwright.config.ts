import { defineConfig } from '@playwright/test'

/*
 * The shop's stories in Debian's Chromium against the whole running system. The system
 * test ShopInBrowserSystemIT starts the system (through the launcher's code) and runs
 * these with its addresses in the environment; see e2e/support/shop.ts.
 */
const output = process.env.SHOP_TEST_OUTPUT ?? 'test-results'

export default defineConfig({
  testDir: 'e2e',
  // One story at a time: they share one system, and one of them breaks its payment provider.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  outputDir: `${output}/artifacts`,
  reporter: [
    ['list'],
    ['json', { outputFile: `${output}/results.json` }],
    ['html', { outputFolder: `${output}/report`, open: 'never' }],
  ],
  use: {
    baseURL: process.env.SHOP_URL,
    locale: 'en-GB',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright downloads no browser here.
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
})
