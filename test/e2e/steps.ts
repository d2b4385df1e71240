// What a commissioner does in the app, as steps the e2e tests and the docs
// screenshots share. Each takes the page it acts on.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openTab } from './browser';

export type Point = { x: number; y: number };

/** A point on the map inside zone `id`, `below` pixels under its base marker. */
export async function pointInZone(page: Page, id: string, below = 28): Promise<Point> {
  const box = (await page.locator(`.zone-badge[title^="Zone ${id} "]`).boundingBox())!;
  return { x: box.x + 6, y: box.y + box.height + below };
}

/** The tooltip's text for the unit under `p`. */
export async function tooltipAt(page: Page, p: Point): Promise<string> {
  await page.mouse.move(p.x, p.y);
  await page.mouse.move(p.x + 1, p.y);
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  return (await tip.textContent()) ?? '';
}

/** One click of the brush at `p`, painting into the zone labelled `zoneLabel` ("9 Grantham"). */
export async function paintAt(page: Page, p: Point, zoneLabel: string) {
  await page.getByTestId('active-zone').selectOption({ label: zoneLabel });
  await page.getByRole('button', { name: 'Brush' }).click();
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.up();
}

/** The Rates tab with its settings open. */
export async function openRatesSettings(page: Page) {
  await openTab(page, 'Rates');
  const details = page.getByTestId('settings');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

export async function lockZone(page: Page, id: string) {
  await page.locator(`tr[data-zone="${id}"]`).click();
  await page.getByTestId('zone-lock').check();
}

export const scenarioNames = (page: Page) =>
  page.getByTestId('scenarios').getByLabel('Scenario name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

/** Saves a copy of the working scenario under `name` (it becomes the working one). */
export async function saveScenarioCopy(page: Page, name: string) {
  await openTab(page, 'Scenarios');
  await page.getByLabel('New scenario name').fill(name);
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect.poll(() => scenarioNames(page)).toContain(name);
}

/** Two scenarios, "Draft A" as it was and "Draft B" with one unit of zone 9 moved into zone 8. */
export async function twoDrafts(page: Page) {
  await saveScenarioCopy(page, 'Draft A');
  await saveScenarioCopy(page, 'Draft B');
  const nine = (await page.locator('.zone-badge[title^="Zone 9 "]').boundingBox())!;
  const hours8 = Number(await page.locator('tr[data-zone="8"] .hours').first().getAttribute('data-hours'));
  await paintAt(page, { x: nine.x + 6, y: nine.y - 24 }, '8 Lincoln South');
  await expect.poll(async () => Number(await page.locator('tr[data-zone="8"] .hours').first().getAttribute('data-hours'))).toBeGreaterThan(hours8);
}

/** Opens Compare with scenarios A and B chosen by label, and waits for its map. */
export async function compare(page: Page, a: string, b: string) {
  await openTab(page, 'Scenarios');
  await page.getByRole('button', { name: 'Compare scenarios…' }).click();
  await page.getByLabel('Scenario A').selectOption({ label: a });
  await page.getByLabel('Scenario B').selectOption({ label: b });
  await page.getByTestId('compare').locator('[data-map-ready="true"]').waitFor();
}

/** Zone 10's capacity raised to 3,600 h/week and zone 5 (Lincoln) locked: the optimiser's showcase. */
export async function prepareOptimiserRun(page: Page) {
  await page.locator('tr[data-zone="10"]').click();
  await page.getByLabel('Capacity, h/week').fill('3600');
  await lockZone(page, '5');
}

/** Opens an example county from the picker, saying yes to replacing the open project; waits for its name and its `zones` rows. */
export async function openExampleCounty(page: Page, county: 'lincolnshire' | 'norfolk', zones: number) {
  const picker = page.getByRole('combobox', { name: 'Which example county' });
  await picker.selectOption(county);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Example county', exact: true }).click();
  const label = await picker.locator('option:checked').textContent();
  await expect.poll(() => page.locator('.project-name').textContent()).toContain(label ?? county);
  await expect.poll(() => page.locator('[data-testid="zone-table"] tbody tr').count()).toBe(zones);
}

/** Runs the optimiser from its tab and waits for the result panel. */
export async function runOptimiser(page: Page) {
  await openTab(page, 'Optimise');
  await page.getByTestId('optimise').getByRole('button', { name: 'Optimise' }).click();
  const result = page.getByTestId('optimise-result');
  await result.waitFor({ timeout: 90_000 });
  return result;
}

// ---- the Import dialog ------------------------------------------------------

export const FIXTURES = 'test/fixtures/import/';
export const TEMPLATES = 'public/templates/';

export const importDialog = (page: Page) => page.locator('dialog.import-dialog');

export async function openImport(page: Page) {
  await page.locator('[data-action="import-data"]').click();
  await importDialog(page).waitFor();
}

export const gotoStep = (page: Page, title: string) => page.locator('.import-steps button', { hasText: title }).click();

export async function chooseUsers(page: Page, path: string) {
  await gotoStep(page, 'Service users');
  await page.locator('[data-testid="users-file"]').setInputFiles(path);
  await page.locator('[data-testid="users-preview"]').waitFor();
}

/** The Units step picks nothing by itself: choose hexagons (resolution 7 unless changed). */
export async function chooseHexagons(page: Page) {
  await gotoStep(page, 'Units');
  await page.locator('input[name="units-kind"]').first().check();
}

export async function chooseBases(page: Page, path: string) {
  await gotoStep(page, 'Provider bases');
  await page.locator('[data-testid="bases-file"]').setInputFiles(path);
  await page.locator('[data-testid="bases-preview"]').waitFor();
}

export async function runImport(page: Page) {
  await page.locator('[data-action="run-import"]').click();
  await page.locator('[data-testid="import-report"]').waitFor({ timeout: 60_000 });
}

/** The messy users file and the hostile bases, imported as far as the report. */
export async function importMessyFiles(page: Page) {
  await openImport(page);
  await chooseUsers(page, `${FIXTURES}messy-users.csv`);
  await chooseHexagons(page);
  await chooseBases(page, `${FIXTURES}hostile-bases.csv`);
  await runImport(page);
}

// ---- exports ------------------------------------------------------------------

/** Clicks an export button and returns the downloaded file. */
export async function download(page: Page, kind: string) {
  await openTab(page, 'Export');
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${kind}"]`).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Opens the printable lot report in its tab, styles applied. */
export async function openLotReport(page: Page): Promise<Page> {
  await openTab(page, 'Export');
  const [report] = await Promise.all([page.context().waitForEvent('page'), page.locator('[data-export="print"]').click()]);
  await report.waitForLoadState('load');
  await expect.poll(() => report.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
  return report;
}
