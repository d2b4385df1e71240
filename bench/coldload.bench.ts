// Cold load: a fresh browser context (empty cache) opens the built app and we
// read the time from navigation start to the map's first complete render.
// Also reports the size of what the browser downloads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { preview } from 'vite';
import { launchChromium } from '../test/support/launchChromium';
import type { Bench, BenchRow } from './harness';

function bundleSize(): BenchRow {
  const dir = 'dist/assets';
  let raw = 0;
  let gz = 0;
  let js = 0;
  let jsGz = 0;
  for (const f of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, f));
    const g = gzipSync(bytes).length;
    raw += statSync(join(dir, f)).size;
    gz += g;
    if (f.endsWith('.js')) {
      js += bytes.length;
      jsGz += g;
    }
  }
  const kb = (b: number) => Math.round(b / 1024);
  return { name: 'bundle: dist/assets', totalKB: kb(raw), totalGzipKB: kb(gz), jsKB: kb(js), jsGzipKB: kb(jsGz) };
}

const bench: Bench = async () => {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  const url = server.resolvedUrls!.local[0];
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(url);
      const el = page.locator('[data-map-ready="true"]');
      await el.waitFor({ timeout: 60_000 });
      if (i > 0) times.push(Number(await el.getAttribute('data-ready-ms'))); // first run warms the browser process
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  times.sort((a, b) => a - b);
  return [
    {
      name: 'cold load to first rendered map (embedded county, 1440x900)',
      ms: times[Math.floor(times.length / 2)],
      minMs: times[0],
      maxMs: times[times.length - 1],
      runs: times.length,
    },
    bundleSize(),
  ];
};
export default bench;
