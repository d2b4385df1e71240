// WCAG 2.2 AA checks with axe-core on every screen and dialog: no serious or
// critical violation anywhere. Each test opens its own page. The findings of a
// run (all impacts) are written to the system temp folder as carezones-axe.json.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, blocking, byImpact, type AxeFinding } from './axe';
import { freshApp, openTab } from './browser';
import { chooseBases, chooseHexagons, chooseUsers, gotoStep, openImport, openLotReport, runImport, TEMPLATES } from './steps';

const app = freshApp();
const found: Record<string, Record<string, number>> = {};
const details: Record<string, AxeFinding[]> = {};

afterAll(() => {
  writeFileSync(join(tmpdir(), 'carezones-axe.json'), JSON.stringify({ byScreen: found, details }, null, 2));
});

/** Runs axe on what the page shows now, records it under `screen`, and fails on serious or critical findings. */
async function check(page: Page, screen: string, selector?: string) {
  const findings = await axeViolations(page, selector);
  found[screen] = byImpact(findings);
  details[screen] = findings;
  expect(blocking(findings), `${screen}: ${JSON.stringify(blocking(findings), null, 1)}`).toEqual([]);
}

describe('axe on every screen', () => {
  it('finds a violation when there is one (the check is live)', async () => {
    const page = app.page;
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'nameless';
      document.querySelector('.toolbar')!.append(b);
    });
    const findings = await axeViolations(page);
    expect(findings.find((f) => f.id === 'button-name')?.targets).toContain('#nameless');
    expect(blocking(findings).length).toBeGreaterThan(0);
  });

  it('the main window and every side tab', async () => {
    const page = app.page;
    // Every tab there is, including any added later.
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs.length).toBeGreaterThanOrEqual(6);
    for (const tab of tabs) {
      await openTab(page, tab);
      await check(page, `main: ${tab} tab`);
    }
    await openTab(page, 'Rates');
    await page.locator('[data-testid="settings"] summary').click();
    await check(page, 'main: Rates tab, settings open');
    // Hover card of a unit.
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.getByRole('tooltip').waitFor();
    await check(page, 'main: unit hover card');
    // Painting with the keyboard: the panel, its list of matching units open, the cursor on the map.
    await page.locator('.tool-group button', { hasText: 'Keys' }).click();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('unit-search').fill('Sleaford');
    await page.getByRole('listbox', { name: 'Matching units' }).waitFor();
    await check(page, 'main: Keys tool, unit search list open');
    // The colour-blind safe palette.
    await page.getByTestId('zone-palette').selectOption('colourBlindSafe');
    await check(page, 'main: colour-blind safe palette');
  });

  it('the Import dialog, every step, and its report', async () => {
    const page = app.page;
    await openImport(page);
    await page.locator('dialog.import-dialog[open]').waitFor();
    await check(page, 'import: postcode lookup step');
    await chooseUsers(page, `${TEMPLATES}service-users.csv`);
    await check(page, 'import: service users step with a file');
    await gotoStep(page, 'Units');
    await check(page, 'import: units step, nothing chosen');
    await chooseHexagons(page);
    await page.locator('[data-testid="resolutions"] td.num', { hasText: '≈' }).first().waitFor();
    await check(page, 'import: units step, hexagons');
    await chooseBases(page, `${TEMPLATES}provider-bases.csv`);
    await check(page, 'import: provider bases step with a file');
    await gotoStep(page, 'Current zones');
    await check(page, 'import: current zones step');
    await runImport(page);
    await check(page, 'import: report');
  });

  it('the Compare dialog', async () => {
    const page = app.page;
    await openTab(page, 'Scenarios');
    await page.getByRole('button', { name: 'Save a copy' }).click();
    await page.getByRole('button', { name: 'Compare scenarios…' }).click();
    await page.locator('dialog.compare[open] [data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await check(page, 'compare dialog');
    // The table fits a 1440 px window without sideways scrolling.
    const overflow = await page.locator('.compare-tables').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('the printed lot report', async () => {
    const page = app.page;
    const report = await openLotReport(page);
    await check(report, 'lot report');
  });
});
