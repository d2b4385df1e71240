// The screenshots in docs/ and the README, staged as a commissioner would see them.
// Runs only when asked (`npm run screenshots`, or SCREENSHOTS=1 npm test), so a
// test run never rewrites tracked files.
import { describe, expect, it } from 'vitest';
import { docsScreenshot, freshApp, openTab, zoneColoursShown } from './browser';
import { chooseUsers, compare, FIXTURES, importDialog, importMessyFiles, openExampleCounty, openImport, openLotReport, prepareOptimiserRun, runOptimiser, twoDrafts } from './steps';

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

  it('the lot report cover', async () => {
    const report = await openLotReport(app.page);
    await report.setViewportSize({ width: 900, height: 1300 });
    await docsScreenshot(report.locator('section.page.cover'), 'screenshot-report.png');
  });
});
