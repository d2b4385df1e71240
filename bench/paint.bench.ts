// Painting on a 10,000-unit map in the built app (headless Chromium, software
// WebGL): a brush stroke dragged across about 200 units. Reports the commit time
// (store, scores, feature-state), the time until the map is idle again, and the
// frames dropped while dragging (from requestAnimationFrame gaps).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import { launchChromium } from '../test/support/launchChromium';
import { bigProjectFile } from './support/bigProject';
import type { Bench, BenchRow } from './harness';

const FRAME_MS = 1000 / 60;

const bench: Bench = async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'carezones-bench-')), 'county-10000.json');
  writeFileSync(file, bigProjectFile(10_000, 14));
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.resolvedUrls!.local[0]);
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    const openedAt = Date.now();
    // Opening a file asks before it replaces the open project: say yes.
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('open-project').setInputFiles(file);
    await page.locator('.project-name', { hasText: 'Generated county' }).waitFor({ timeout: 120_000 });
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 120_000 });
    rows.push({ name: 'open a 10,000-unit project file to first render', ms: Date.now() - openedAt });

    await page.getByRole('button', { name: 'Brush' }).click();
    await page.getByTestId('active-zone').selectOption({ index: 0 });
    const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const results: Array<{ commit: number; repaint: number; units: number; dropped: number; longest: number }> = [];
    for (let run = 0; run < 5; run++) {
      // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
      await page.evaluate(`(() => {
        performance.clearMeasures();
        window.frames_ = [];
        const tick = (t) => { window.frames_.push(t); if (window.frames_.length < 2000) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
      })()`);
      const y = canvas.y + canvas.height * (0.3 + run * 0.1);
      await page.mouse.move(canvas.x + canvas.width * 0.3, y);
      await page.mouse.down();
      for (let k = 1; k <= 20; k++) await page.mouse.move(canvas.x + canvas.width * (0.3 + k * 0.012), y);
      await page.mouse.up();
      await page.waitForFunction(() => performance.getEntriesByName('carezones:paint-repaint').length > 0, null, { timeout: 60_000 });
      results.push(
        await page.evaluate((frameMs) => {
          const commit = performance.getEntriesByName('carezones:paint-commit')[0] as PerformanceMeasure;
          const repaint = performance.getEntriesByName('carezones:paint-repaint')[0] as PerformanceMeasure;
          const frames = (window as unknown as { frames_: number[] }).frames_;
          let dropped = 0;
          let longest = 0;
          for (let i = 1; i < frames.length && frames[i] <= repaint.startTime + repaint.duration; i++) {
            const gap = frames[i] - frames[i - 1];
            longest = Math.max(longest, gap);
            dropped += Math.max(0, Math.round(gap / frameMs) - 1);
          }
          return { commit: commit.duration, repaint: repaint.duration, units: (commit.detail as { units: number }).units, dropped, longest };
        }, FRAME_MS),
      );
    }
    // Reference in the same run: the renderer alone, redrawing the map after a pan.
    const pans: number[] = [];
    await page.getByRole('button', { name: 'Pan' }).click();
    for (let run = 0; run < 5; run++) {
      const x = canvas.x + canvas.width / 2;
      const y = canvas.y + canvas.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 40, y, { steps: 2 });
      await page.mouse.up();
      const t0 = Date.now();
      await page.waitForFunction(`(() => { const c = document.querySelector('[data-testid=map]'); return c && !c.querySelector('.maplibregl-canvas-container.maplibregl-interactive.maplibregl-touch-drag-pan:active'); })()`);
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      pans.push(Date.now() - t0);
    }
    const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    rows.push({
      name: 'brush stroke on a 10,000-unit map: commit (store + scores + feature-state)',
      ms: median(results.map((r) => r.commit)),
      unitsPerStroke: median(results.map((r) => r.units)),
      runs: results.length,
    });
    rows.push({
      name: 'brush stroke on a 10,000-unit map: mouse-up to map idle (repaint)',
      ms: median(results.map((r) => r.repaint)),
      framesDroppedPerStroke: median(results.map((r) => r.dropped)),
      longestFrameMs: median(results.map((r) => r.longest)),
    });
    rows.push({ name: 'reference: two animation frames after a pan (renderer only, SwiftShader)', ms: median(pans) });
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
};
export default bench;
