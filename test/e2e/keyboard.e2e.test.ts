// The app from the keyboard alone: no mouse, no setInputFiles; every control
// is reached with Tab (or the arrow keys inside a tab list or a list box) and
// used with Enter, Space or typing, as a keyboard-only commissioner would.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { freshApp, waitForMap, zoneHours } from './browser';
import { TEMPLATES } from './steps';

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

/** Focuses the file button holding `label` and opens it with Enter, choosing `path` in the file chooser. */
async function chooseFileWithKeys(page: Page, label: string, path: string) {
  await tabTo(page, '.file-field button', { text: label });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles(path);
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

    // Paint: choose the zone in the toolbar, then the Keys tool; the map takes focus.
    await tabTo(page, '[data-testid="active-zone"]');
    const into = await page.getByTestId('active-zone').evaluate((el) => (el as HTMLSelectElement).options[1].text);
    await page.keyboard.press('ArrowDown');
    expect(await selectedZone(page)).toBe(into);
    await tabTo(page, '.tool-group button', { text: 'Keys' });
    await page.keyboard.press('Enter');
    expect(await mapFocused(page)).toBe(true);
    await page.keyboard.press('ArrowRight');
    let where = await cursorWhere(page);
    expect(where).toMatch(/^.+ \(.+\): (zone .+|in no zone)/);
    // Step until the cursor is on a unit of another zone, then paint it.
    for (let i = 0; i < 20 && inZone(where, into); i++) {
      await page.keyboard.press(['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'][i % 4]);
      where = await cursorWhere(page);
    }
    expect(inZone(where, into), where).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(async () => inZone(await cursorWhere(page), into)).toBe(true);
    expect(await mapFocused(page)).toBe(true);

    // Optimise from its tab.
    await sideTab(page, 'Optimise');
    await tabTo(page, '[data-testid="optimise"] button.primary', { text: 'Optimise' });
    await page.keyboard.press('Enter');
    await page.getByTestId('optimise-result').waitFor({ timeout: 90_000 });

    // Export the zones as GeoJSON.
    await sideTab(page, 'Export');
    await tabTo(page, '[data-export="zones-geojson"]');
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
    await page.getByRole('listbox', { name: 'Matching units' }).waitFor();
    const first = page.getByRole('option').first();
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
});
