// Modal dialogs and the side tabs from the keyboard: focus moves into a dialog,
// Tab stays in it, the page behind is inert, Escape closes it and focus returns
// to the button that opened it; the tabs follow the WAI-ARIA tabs pattern.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshApp } from './browser';

const app = freshApp();

const activeInside = (page: Page, selector: string) => page.evaluate((sel) => !!document.activeElement?.closest(sel), selector);
const activeLabel = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

async function expectModal(page: Page, dialog: string) {
  await page.locator(`${dialog}[open]`).waitFor();
  expect(await activeInside(page, dialog)).toBe(true);
  // Tab and Shift+Tab cycle inside the dialog, however far you go.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await activeInside(page, dialog), `Tab ${i + 1} left the dialog`).toBe(true);
  }
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await activeInside(page, dialog)).toBe(true);
  }
  // The page behind is inert: a click on one of its tabs does nothing.
  expect(await page.evaluate((sel) => document.querySelector(sel)!.matches(':modal'), dialog)).toBe(true);
  const rates = page.locator('#tab-settings');
  const box = (await rates.boundingBox())!;
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.id ?? '', [box.x + box.width / 2, box.y + box.height / 2]);
  expect(hit).not.toBe('tab-settings');
  expect(await rates.getAttribute('aria-selected')).toBe('false');
}

describe('modal dialogs', () => {
  it('Import data: focus in, Tab stays in, Escape closes, focus back on the button', async () => {
    const page = app.page;
    const opener = page.locator('[data-action="import-data"]');
    await opener.focus();
    await page.keyboard.press('Enter');
    await expectModal(page, 'dialog.import-dialog');
    // Tool keys do not reach the map behind.
    await page.keyboard.press('b');
    expect(await page.evaluate(() => document.querySelector('[aria-pressed="true"]')?.textContent)).toBe('Pan');
    await page.keyboard.press('Escape');
    await page.locator('dialog.import-dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('import-data');
  });

  it('Compare: opens as a modal, Escape closes it, focus back on Compare scenarios…', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();
    await page.getByRole('button', { name: 'Save a copy' }).click();
    const opener = page.getByRole('button', { name: 'Compare scenarios…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    await expectModal(page, 'dialog.compare');
    await page.keyboard.press('Escape');
    await page.locator('dialog.compare').waitFor({ state: 'detached' });
    expect(await activeLabel(page)).toBe('Compare scenarios…');
  });
});

describe('side tabs', () => {
  it('are one Tab stop; arrow keys, Home and End move between them and show their panel', async () => {
    const page = app.page;
    const zones = page.getByRole('tab', { name: 'Zones', exact: true });
    await zones.focus();
    expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await activeLabel(page)).toBe('Hardest');
    expect(await page.locator('#panel-hardest').isVisible()).toBe(true);
    await page.keyboard.press('End');
    expect(await activeLabel(page)).toBe('Rates');
    expect(await page.locator('#panel-settings').isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await activeLabel(page)).toBe('Zones');
    await page.keyboard.press('ArrowLeft');
    expect(await activeLabel(page)).toBe('Rates');
    await page.keyboard.press('Home');
    expect(await activeLabel(page)).toBe('Zones');
    // Tab leaves the tab list for the panel, not the next tab.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
  });
});

describe('rule defaults', () => {
  it('are one set: a rule left blank in Rates is off or from the data in Optimise, and a value typed in Rates shows in Optimise', async () => {
    const page = app.page;
    const optimise = async () => {
      await page.getByRole('tab', { name: 'Optimise', exact: true }).click();
      const panel = page.getByTestId('optimise');
      return {
        balanceOn: await panel.getByRole('checkbox', { name: 'Zone hours within ±' }).isChecked(),
        balance: Number(await page.getByLabel('Balance tolerance, %').inputValue()),
        ruralOn: await panel.getByRole('checkbox', { name: 'Rural share between' }).isChecked(),
        rural: [Number(await page.getByLabel('Rural share minimum, %').inputValue()), Number(await page.getByLabel('Rural share maximum, %').inputValue())],
      };
    };
    const openRates = async () => {
      await page.getByRole('tab', { name: 'Rates', exact: true }).click();
      if (!(await page.getByTestId('settings').evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByTestId('settings').locator('summary').click();
    };
    const field = (id: string) => page.locator(`[data-setting="${id}"]`);
    await openRates();
    // Blank rural share in Rates means no band: Optimise has the rural rule off.
    expect([await field('rural-min').inputValue(), await field('rural-max').inputValue()]).toEqual(['', '']);
    expect((await optimise()).ruralOn).toBe(false);
    // Values typed in Rates are the ones Optimise starts from.
    await openRates();
    for (const [id, v] of [['hours-tolerance', '20'], ['rural-min', '10'], ['rural-max', '70']] as const) {
      await field(id).fill(v);
      await field(id).press('Tab');
    }
    expect(await optimise()).toEqual({ balanceOn: true, balance: 20, ruralOn: true, rural: [10, 70] });
    // And a change there shows again.
    await openRates();
    await field('rural-max').fill('65');
    await field('rural-max').press('Tab');
    expect((await optimise()).rural).toEqual([10, 65]);
  });
});
