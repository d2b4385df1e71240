// The screenshots in docs/ and the README, staged as a commissioner would see them.
// Runs only when asked (`npm run screenshots`, or SCREENSHOTS=1 npm test), so a
// test run never rewrites tracked files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsScreenshot, freshApp, openTab, waitForMap, writeDocsPng, zoneColoursShown } from './browser';
import {
  chooseUsers, compare, download, FIXTURES, importDialog, importMessyFiles, openExampleCounty, openImport, openLotReport, prepareOptimiserRun, runOptimiser, twoDrafts,
} from './steps';

const app = freshApp();

describe('docs screenshots', () => {
  it('the embedded county (README)', async () => {
    await app.page.mouse.move(5, 400);
    await expect.poll(() => zoneColoursShown(app.page)).toBe(12);
    await docsScreenshot(app.page, 'screenshot.png');
  });

  it('scores, with extra-rural units hatched', async () => {
    await app.page.locator('[data-testid="colour-mode"]').selectOption('extraRural');
    await expect.poll(() => zoneColoursShown(app.page)).toBeLessThanOrEqual(1);
    await openTab(app.page, 'Zones');
    await docsScreenshot(app.page, 'screenshot-scores.png');
  });

  it('the hardest zones of Lincolnshire, with their reasons', async () => {
    await openTab(app.page, 'Hardest');
    await expect.poll(() => app.page.locator('[data-testid="hardest-list"] li').count()).toBe(12);
    await docsScreenshot(app.page, 'screenshot-hardest.png');
  });

  it('the hardest zones of Norfolk: the sparse north and west', async () => {
    await openExampleCounty(app.page, 'norfolk', 17);
    await waitForMap(app.page);
    await openTab(app.page, 'Hardest');
    await expect.poll(() => app.page.locator('[data-testid="hardest-list"] li').count()).toBe(17);
    await app.page.mouse.move(5, 400);
    // Norfolk's map has drawn its zones: 17 zones in 15 colours, the smallest (Gorleston) a few pixels under labels.
    await expect.poll(() => zoneColoursShown(app.page)).toBeGreaterThanOrEqual(13);
    await docsScreenshot(app.page, 'screenshot-hardest-norfolk.png');
  });

  it('the what-if of a new package in a Norfolk hamlet', async () => {
    await openExampleCounty(app.page, 'norfolk', 17);
    await waitForMap(app.page);
    await openTab(app.page, 'Extra-rural');
    const whatIf = app.page.getByTestId('what-if');
    await whatIf.getByLabel('Postcode or area').fill("King's Lynn and West Norfolk 014A");
    await whatIf.getByLabel('Hours a week').fill('7');
    await whatIf.getByRole('button', { name: 'See what it costs' }).click();
    const answer = app.page.getByTestId('what-if-answer');
    await answer.scrollIntoViewIfNeeded();
    await app.page.mouse.move(5, 400);
    // Norfolk's map has drawn its zones: 17 zones in 15 colours, the smallest (Gorleston) a few pixels under labels.
    await expect.poll(() => zoneColoursShown(app.page)).toBeGreaterThanOrEqual(13);
    await docsScreenshot(app.page, 'screenshot-what-if.png');
  });

  it('two scenarios compared', async () => {
    await twoDrafts(app.page);
    await compare(app.page, 'Draft A', 'Draft B');
    await docsScreenshot(app.page, 'screenshot-compare.png');
  });

  it('an optimiser result and the rules that hold it back', async () => {
    await prepareOptimiserRun(app.page);
    const result = await runOptimiser(app.page);
    await result.scrollIntoViewIfNeeded();
    await docsScreenshot(app.page, 'screenshot-optimise.png');
  });

  it("Norfolk's default proposal compared with today's zones", async () => {
    // Tall enough for the whole result (17 zones) to show in the side panel without scrolling.
    await app.page.setViewportSize({ width: 1440, height: 3400 });
    await openExampleCounty(app.page, 'norfolk', 17);
    const result = await runOptimiser(app.page);
    // The result panel alone: narrower than a page.
    await docsScreenshot(result, 'screenshot-optimise-norfolk.png', 400);
  });

  it('the import mapping of a messy users file', async () => {
    await app.page.setViewportSize({ width: 1280, height: 860 });
    await openImport(app.page);
    await chooseUsers(app.page, `${FIXTURES}messy-users.csv`);
    await docsScreenshot(importDialog(app.page), 'screenshot-import-mapping.png', 900);
  });

  it('the import report of a messy users file', async () => {
    await app.page.setViewportSize({ width: 1280, height: 860 });
    await importMessyFiles(app.page);
    await docsScreenshot(importDialog(app.page), 'screenshot-import-report.png', 900);
  });

  it("a Norfolk unit's rate and why, and its zone's providers, in the hover card", async () => {
    await openExampleCounty(app.page, 'norfolk', 17);
    // Norfolk's map has drawn its zones: 17 zones in 15 colours, the smallest (Gorleston) a few pixels under labels.
    await expect.poll(() => zoneColoursShown(app.page)).toBeGreaterThanOrEqual(13);
    const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await app.page.mouse.move(box.x + box.width * 0.42, box.y + box.height * 0.45);
    await app.page.getByTestId('tooltip-providers').waitFor();
    await docsScreenshot(app.page, 'screenshot-rate-tooltip.png');
  });

  it('the Import dialog opened and used from the keyboard (focus ring on the file button)', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.locator('[data-action="import-data"]').focus();
    await page.keyboard.press('Enter');
    await importDialog(page).waitFor();
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.textContent?.includes('Service users'))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.matches('.file-field button'))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('.file-field button:focus-visible'))).toBe(true);
    await docsScreenshot(page, 'screenshot-import-keyboard.png', 900);
  });

  it('painting with the keyboard: the cursor on a unit, its card, and the panel', async () => {
    const page = app.page;
    await page.getByTestId('active-zone').selectOption({ label: '9 Grantham' });
    await page.locator('.tool-group button', { hasText: 'Keys' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('unit-search').focus();
    await page.keyboard.type('Sleaford');
    await page.getByRole('listbox', { name: 'Matching units' }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Enter');
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowLeft']) await page.keyboard.press(key);
    await page.getByRole('tooltip').waitFor();
    await docsScreenshot(page, 'screenshot-keyboard-paint.png', 1200);
  });

  it('the lot report printed to PDF: the cover and the first lot page, as pages', async () => {
    const report = await openLotReport(app.page);
    const dir = mkdtempSync(join(tmpdir(), 'carezones-report-'));
    await report.pdf({ path: join(dir, 'report.pdf'), preferCSSPageSize: true, printBackground: true });
    // poppler-utils (apt-get install -y poppler-utils) turns the printed pages into pictures.
    const run = spawnSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '2', join(dir, 'report.pdf'), join(dir, 'page')]);
    expect(run.error, 'pdftoppm (poppler-utils) is needed for the report page pictures').toBeUndefined();
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    expect(pages).toHaveLength(2);
    pages.forEach((f, i) => writeDocsPng(`report-page-${i + 1}.png`, readFileSync(join(dir, f)), 600));
  });

  it('the map PNG export', async () => {
    const { bytes } = await download(app.page, 'png');
    writeDocsPng('map-export.png', bytes, 1400);
  });

  it('the lot report cover', async () => {
    const report = await openLotReport(app.page);
    await report.setViewportSize({ width: 900, height: 1300 });
    await docsScreenshot(report.locator('section.page.cover'), 'screenshot-report.png');
  });
});
