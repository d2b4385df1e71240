// The app from the keyboard alone: no mouse, no setInputFiles; every control
// is reached with Tab (or the arrow keys inside a tab list or a list box) and
// used with Enter, Space or typing, as a keyboard-only commissioner would.
import { readFileSync } from 'node:fs';
import type { FileChooser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { freshApp, waitForMap, zoneHours } from './browser';
import { openLotReport, TEMPLATES } from './steps';

const app = freshApp();

/** What has focus, for failure messages. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a ? `${a.tagName.toLowerCase()}${a.dataset.testid ? `[data-testid=${a.dataset.testid}]` : ''} "${(a.getAttribute('aria-label') ?? a.textContent ?? '').trim().slice(0, 40)}"` : 'nothing';
  });

/**
 * Presses Tab (Shift+Tab when `back`) until the focused element matches `selector` (and holds
 * `text`, when given); fails when it is not reached within `max` presses.
 */
async function tabTo(page: Page, selector: string, { text, back = false, max = 80 }: { text?: string; back?: boolean; max?: number } = {}) {
  const here = () =>
    page.evaluate(([sel, t]) => {
      const a = document.activeElement;
      return !!a && a.matches(sel) && (!t || (a.textContent ?? '').includes(t));
    }, [selector, text ?? ''] as const);
  for (let i = 0; i < max; i++) {
    if (await here()) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  expect.fail(`${selector}${text ? ` "${text}"` : ''} not reached with ${max} ${back ? 'Shift+Tab' : 'Tab'} presses; focus is on ${await focused(page)}`);
}

/**
 * Focuses the file button holding `label` and opens it with Enter, choosing `path` in the file chooser.
 * One listener stays on for the whole page, so the browser's file choosers are always caught
 * (a listener added per choice can miss one on a loaded machine).
 */
async function chooseFileWithKeys(page: Page, label: string, path: string) {
  const opened = fileChoosers(page);
  const before = opened.length;
  await tabTo(page, '.file-field button', { text: label });
  expect(await page.evaluate(() => (document.activeElement as HTMLButtonElement).disabled)).toBe(false);
  await page.keyboard.press('Enter');
  await expect.poll(() => opened.length, { message: `Enter on "${label}" opened no file chooser` }).toBe(before + 1);
  await opened[before].setFiles(path);
}

const choosers = new WeakMap<Page, FileChooser[]>();
function fileChoosers(page: Page): FileChooser[] {
  let list = choosers.get(page);
  if (!list) {
    const l: FileChooser[] = [];
    page.on('filechooser', (c) => void l.push(c));
    choosers.set(page, (list = l));
  }
  return list;
}

/** Tabs to the side tab list and moves along it with the arrow keys to `name`. */
async function sideTab(page: Page, name: string) {
  await tabTo(page, '[role="tab"][aria-selected="true"]');
  for (let i = 0; i < 8 && (await page.evaluate(() => document.activeElement?.textContent)) !== name; i++) await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);
}

const cursorWhere = async (page: Page) => (await page.getByTestId('cursor-where').textContent()) ?? '';
/** Whether the cursor line says the unit is in the zone labelled `label` ("9 Grantham"). */
const inZone = (where: string, label: string) => new RegExp(`: zone ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[,.]`).test(where);
const mapFocused = (page: Page) => page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas') ?? false);
const selectedZone = (page: Page) => page.getByTestId('active-zone').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0].text);

describe('from the keyboard alone', () => {
  it('imports the templates, paints a unit, optimises and exports', async () => {
    const page = app.page;
    // Import: the dialog takes focus; each step's controls are reached with Tab.
    await tabTo(page, '[data-action="import-data"]');
    await page.keyboard.press('Enter');
    await page.locator('dialog.import-dialog[open]').waitFor();
    await tabTo(page, '.import-steps button', { text: 'Service users' });
    await page.keyboard.press('Enter');
    await chooseFileWithKeys(page, 'Choose file', `${TEMPLATES}service-users.csv`);
    await page.getByTestId('users-preview').waitFor();
    await tabTo(page, '.import-steps button', { text: 'Units', back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, 'input[name="units-kind"]');
    await page.keyboard.press('Space');
    expect(await page.locator('input[name="units-kind"]').first().isChecked()).toBe(true);
    await tabTo(page, '.import-steps button', { text: 'Provider bases', back: true });
    await page.keyboard.press('Enter');
    await chooseFileWithKeys(page, 'Choose file', `${TEMPLATES}provider-bases.csv`);
    await page.getByTestId('bases-preview').waitFor();
    await tabTo(page, '[data-action="run-import"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    await tabTo(page, '[data-action="open-imported"]');
    await page.keyboard.press('Enter');
    await page.locator('dialog.import-dialog').waitFor({ state: 'detached' });
    await waitForMap(page);
    await expect.poll(() => page.getByTestId('project-name').textContent()).toMatch(/^service-users/);

    // Paint: the Keys tool gives the map focus; an arrow key puts the cursor on a unit.
    await tabTo(page, '.tool-group button', { text: 'Keys' });
    await page.keyboard.press('Enter');
    expect(await mapFocused(page)).toBe(true);
    await page.keyboard.press('ArrowRight');
    const where = await cursorWhere(page);
    expect(where).toMatch(/^.+ \(.+\): (zone .+|in no zone)/);
    // Back to the toolbar for a zone the unit is not in, then back to the map, and Enter.
    await tabTo(page, '[data-testid="active-zone"]', { back: true });
    await page.keyboard.press('Home');
    if (inZone(where, await selectedZone(page))) await page.keyboard.press('ArrowDown');
    const into = await selectedZone(page);
    expect(inZone(where, into)).toBe(false);
    await tabTo(page, '.maplibregl-canvas');
    await page.keyboard.press('Enter');
    await expect.poll(async () => inZone(await cursorWhere(page), into)).toBe(true);

    // Optimise from its tab.
    await sideTab(page, 'Optimise');
    await tabTo(page, '[data-testid="optimise"] button.primary', { text: 'Optimise' });
    await page.keyboard.press('Enter');
    await page.getByTestId('optimise-result').waitFor({ timeout: 90_000 });

    // Export the zones as GeoJSON.
    await sideTab(page, 'Export');
    await tabTo(page, '[data-export="zones"]');
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const geojson = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { features: unknown[] };
    expect(geojson.features.length).toBeGreaterThan(0);
  });

  it('finds a unit by postcode sector, paints its whole town, and says why a locked zone took nothing', async () => {
    const page = app.page;
    // Type-ahead in the zone list: "9" picks "9 Grantham".
    await tabTo(page, '[data-testid="active-zone"]');
    await page.keyboard.type('9');
    expect(await selectedZone(page)).toBe('9 Grantham');
    await page.keyboard.press('Tab');
    await page.keyboard.press('c');
    expect(await mapFocused(page)).toBe(true);

    await tabTo(page, '[data-testid="unit-search"]');
    await page.keyboard.type('NG34 7');
    const list = page.getByRole('listbox', { name: 'Matching units' });
    await list.waitFor();
    const first = list.getByRole('option').first();
    expect(await first.textContent()).toContain('postcode sector NG34 7');
    const name = await first.locator('b').textContent();
    await page.keyboard.press('Enter');
    expect(await mapFocused(page)).toBe(true);
    const where = await cursorWhere(page);
    expect(where.startsWith(`${name} (`), where).toBe(true);
    expect(where).toContain(', in Sleaford');
    expect(inZone(where, '9 Grantham')).toBe(false);

    const grantham = await zoneHours(page, '9');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => zoneHours(page, '9')).toBeGreaterThan(grantham);
    expect(inZone(await cursorWhere(page), '9 Grantham')).toBe(true);

    // Lock zone 8 (chosen in the toolbar, locked in the Zones tab), then try to paint into it.
    await tabTo(page, '[data-testid="active-zone"]', { back: true });
    await page.keyboard.type('8');
    expect(await selectedZone(page)).toBe('8 Lincoln South');
    await tabTo(page, '[data-testid="zone-lock"]', { max: 150 });
    await page.keyboard.press('Space');
    expect(await page.getByTestId('zone-lock').isChecked()).toBe(true);
    await tabTo(page, '.maplibregl-canvas', { back: true, max: 150 });
    const hours8 = await zoneHours(page, '8');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('edit-notice').textContent()).toMatch(/^Zone 8 Lincoln South is locked, so nothing was painted into it/);
    expect(await zoneHours(page, '8')).toBe(hours8);
  });

  it('shows the card of the cursor unit: a hatched unit says it is extra-rural, and why', async () => {
    const page = app.page;
    await sideTab(page, 'Extra-rural');
    const first = page.getByTestId('extra-rural-list').locator('li').first();
    const name = (await first.locator('button').textContent())!;
    const reasons = (await first.locator('.er-reasons').textContent())!;
    expect(reasons.length).toBeGreaterThan(0);
    await page.keyboard.press('c');
    await tabTo(page, '[data-testid="unit-search"]');
    await page.keyboard.type(name);
    const list = page.getByRole('listbox', { name: 'Matching units' });
    await list.waitFor();
    expect(await list.getByRole('option').first().locator('b').textContent()).toBe(name);
    await page.keyboard.press('Enter');
    const card = page.getByRole('tooltip');
    await card.waitFor();
    expect(await card.locator('.tooltip-title').textContent()).toBe(name);
    expect(await card.getByTestId('tooltip-extra-rural').textContent()).toMatch(new RegExp(`^on the extra-rural rate, score [0-9.]+: ${reasons.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  });

  it('renames the project; the new name heads the lot report and is kept after a reload', async () => {
    const page = app.page;
    await tabTo(page, '.project-name button', { text: 'Rename' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Project name');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Lincolnshire home care lots 2027');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('project-name').textContent()).toBe('Lincolnshire home care lots 2027');
    // Escape leaves the name as it was.
    await tabTo(page, '.project-name button', { text: 'Rename', back: true });
    await page.keyboard.press('Enter');
    await page.keyboard.type(' (draft)');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('project-name').textContent()).toBe('Lincolnshire home care lots 2027');

    const report = await openLotReport(page);
    expect(await report.locator('h1').first().textContent()).toBe('Lincolnshire home care lots 2027');
    await report.close();
    await page.locator('[data-save-state="saved"]').waitFor();
    await page.reload();
    await waitForMap(page);
    expect(await page.getByTestId('project-name').textContent()).toBe('Lincolnshire home care lots 2027');
  });
});
