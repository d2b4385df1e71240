import { defineConfig } from 'vitest/config';

// Two projects: fast unit/property tests in node, and end-to-end tests that
// drive the built app in headless Chromium (one browser per file, a fresh context
// per test, files run in sequence). The docs screenshots run only when asked
// (SCREENSHOTS=1, `npm run screenshots`), so a test run never rewrites tracked files.
const screenshots = 'test/e2e/screenshots.e2e.test.ts';
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          exclude: process.env.SCREENSHOTS === '1' ? [] : [screenshots],
          environment: 'node',
          globalSetup: ['test/e2e/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A condition polled in the browser may take seconds on a loaded machine: wait as
          // long as Playwright's own locators do (30 s), not expect.poll's default 1 s.
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
    ],
  },
});
