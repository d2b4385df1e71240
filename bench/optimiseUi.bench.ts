// The optimiser runs in a Web Worker: while a thorough run works on the
// embedded county, the page keeps drawing frames. Reports the run time, the
// longest gap between animation frames while it runs, and the gap in which the
// result is shown (the plan scored, compared and drawn on the map).
import { preview } from 'vite';
import { launchChromium } from '../test/support/launchChromium';
import type { Bench } from './harness';

const bench: Bench = async () => {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.resolvedUrls!.local[0]);
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Optimise', exact: true }).click();
    const panel = page.getByTestId('optimise');
    await panel.getByLabel('Mode').selectOption('thorough');
    await panel.getByLabel('Time limit, seconds').fill('20');
    // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
    await page.evaluate(`(() => {
      window.frames_ = [];
      const tick = (t) => {
        window.frames_.push(t);
        if (window.shownAt_ === undefined && document.querySelector('[data-testid="optimise-result"]')) window.shownAt_ = window.frames_.length - 1;
        if (!window.stopFrames_) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const started = Date.now();
    await panel.getByRole('button', { name: 'Optimise' }).click();
    await page.getByTestId('optimise-result').waitFor({ timeout: 120_000 });
    const ms = Date.now() - started;
    await page.waitForFunction('window.shownAt_ !== undefined');
    const gaps = (await page.evaluate(`(() => {
      window.stopFrames_ = true;
      const f = window.frames_;
      let running = 0;
      for (let i = 1; i < window.shownAt_; i++) running = Math.max(running, f[i] - f[i - 1]);
      return { running, shown: f[window.shownAt_] - f[window.shownAt_ - 1] };
    })()`)) as { running: number; shown: number };
    return [
      {
        name: 'thorough optimise of the embedded county in the worker: page longest frame gap',
        ms,
        longestFrameMs: Math.round(gaps.running),
        resultFrameMs: Math.round(gaps.shown),
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
};
export default bench;
