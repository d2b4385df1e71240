// Redrawing zones by hand: paint, undo and redo, locks, scenarios, and getting
// everything back after a reload.
import { describe, expect, it } from 'vitest';
import { appSession, openTab, waitForMap, zoneHours } from './browser';

const app = appSession();

const hoursOf = (id: string) => zoneHours(app.page, id);

/** A point on the map inside Zone 10, just below its base marker. */
async function pointInZone10() {
  const box = (await app.page.locator('.zone-badge[title^="Zone 10 "]').boundingBox())!;
  return { x: box.x + 6, y: box.y + box.height + 28 };
}

async function tooltipAt(p: { x: number; y: number }) {
  await app.page.mouse.move(p.x, p.y);
  await app.page.mouse.move(p.x + 1, p.y);
  const tip = app.page.getByRole('tooltip');
  await tip.waitFor();
  return (await tip.textContent()) ?? '';
}

async function paintAt(p: { x: number; y: number }, zoneLabel: string) {
  await app.page.getByTestId('active-zone').selectOption({ label: zoneLabel });
  await app.page.getByRole('button', { name: 'Brush' }).click();
  await app.page.mouse.move(p.x, p.y);
  await app.page.mouse.down();
  await app.page.mouse.up();
}

describe('editing zones', () => {
  let before10 = 0;
  let before9 = 0;
  let after10 = 0;

  it('paints a unit from Zone 10 into Zone 9 and updates the table', async () => {
    const p = await pointInZone10();
    expect(await tooltipAt(p)).toContain('10 Sleaford');
    before10 = await hoursOf('10');
    before9 = await hoursOf('9');
    await paintAt(p, '9 Grantham');
    await expect.poll(() => tooltipAt(p)).toContain('9 Grantham');
    after10 = await hoursOf('10');
    const after9 = await hoursOf('9');
    expect(after10).toBeLessThan(before10);
    expect(after9 - before9).toBeCloseTo(before10 - after10, 6);
  });

  it('undoes and redoes with the keyboard', async () => {
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => hoursOf('10')).toBeCloseTo(before10, 6);
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => hoursOf('10')).toBeCloseTo(after10, 6);
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => hoursOf('10')).toBeCloseTo(before10, 6);
  });

  it('never changes a locked zone', async () => {
    await app.page.locator('tr[data-zone="10"]').click();
    await app.page.getByTestId('zone-lock').check();
    const p = await pointInZone10();
    await paintAt(p, '9 Grantham');
    await paintAt({ x: p.x + 12, y: p.y + 10 }, '9 Grantham');
    expect(await hoursOf('10')).toBeCloseTo(before10, 6);
    expect(await tooltipAt(p)).toContain('10 Sleaford (locked)');
  });

  it('saves scenarios and gets everything back after a reload', async () => {
    await openTab(app.page, 'Scenarios');
    await app.page.getByLabel('New scenario name').fill('Draft A');
    await app.page.getByRole('button', { name: 'Save a copy' }).click();
    await app.page.getByLabel('New scenario name').fill('Draft B');
    await app.page.getByRole('button', { name: 'Save a copy' }).click();
    // Draft B: move a unit out of zone 9 into zone 8 so the scenarios differ.
    const nine = (await app.page.locator('.zone-badge[title^="Zone 9 "]').boundingBox())!;
    const p9 = { x: nine.x + 6, y: nine.y - 24 };
    const hours8 = await hoursOf('8');
    await paintAt(p9, '8 Lincoln South');
    await expect.poll(() => hoursOf('8')).toBeGreaterThan(hours8);
    const expected = await Promise.all(['8', '9', '10'].map(hoursOf));
    await app.page.locator('[data-save-state="saved"]').waitFor();

    await app.page.reload();
    await waitForMap(app.page);
    const names = await app.page.getByTestId('scenarios').getByLabel('Scenario name').evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    // The first stroke went into a working copy; the county's plan is kept as it was.
    expect(names).toEqual(['Current zones', 'Current zones (edited)', 'Draft A', 'Draft B']);
    expect(await Promise.all(['8', '9', '10'].map(hoursOf))).toEqual(expected);
    await app.page.locator('tr[data-zone="10"]').click();
    expect(await app.page.getByTestId('zone-lock').isChecked()).toBe(true);
  });

  it('compares two scenarios: the units that differ, every zone metric, the disruption', async () => {
    await openTab(app.page, 'Scenarios');
    await app.page.getByRole('button', { name: 'Compare scenarios…' }).click();
    await app.page.getByLabel('Scenario A').selectOption({ label: 'Draft A' });
    await app.page.getByLabel('Scenario B').selectOption({ label: 'Draft B' });
    const compare = app.page.getByTestId('compare');
    await compare.locator('[data-map-ready="true"]').waitFor();
    const disruption = await app.page.getByTestId('disruption').textContent();
    const units = Number(/Units changing zone([\d,]+)/.exec(disruption ?? '')![1]);
    expect(units).toBeGreaterThanOrEqual(1);
    expect(await app.page.getByTestId('compare-table').locator('tbody tr').count()).toBe(12);
    const row8 = await app.page.locator('[data-testid="compare-table"] tr[data-zone="8"]').textContent();
    expect(row8).toMatch(/\(\+/); // zone 8 gained hours
    await app.page.screenshot({ path: 'docs/screenshot-compare.png' });
    await app.page.getByRole('button', { name: 'Close' }).click();
    await compare.waitFor({ state: 'detached' });
  });

  it('splits part of a zone off into a new zone by drawing round it, and moves a base into it', async () => {
    await openTab(app.page, 'Zones');
    await app.page.locator('tr[data-zone="2"]').click();
    const before = await hoursOf('2');
    await app.page.getByRole('button', { name: 'Split off part of this zone…' }).click();
    const badge = (await app.page.locator('.zone-badge[title^="Zone 2 "]').boundingBox())!;
    const c = { x: badge.x + 6, y: badge.y + badge.height / 2 };
    await app.page.mouse.move(c.x - 30, c.y - 30);
    await app.page.mouse.down();
    for (const [dx, dy] of [[30, -30], [30, 30], [-30, 30], [-30, -30]]) await app.page.mouse.move(c.x + dx, c.y + dy, { steps: 3 });
    await app.page.mouse.up();
    await expect.poll(() => app.page.locator('tr[data-zone="13"]').count()).toBe(1);
    const split = await hoursOf('13');
    expect(split).toBeGreaterThan(0);
    expect(await hoursOf('2') + split).toBeCloseTo(before, 6);
    // The new zone is selected: give it Louth's base.
    await app.page.getByLabel('Base to move into this zone').selectOption({ label: 'Louth base (zone 2)' });
    await app.page.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(async () => (await app.page.locator('.zone-badge[title*="Louth base"]').getAttribute('title')) ?? '').toMatch(/^Zone 13 /);
    await app.page.keyboard.press('Control+z');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => app.page.locator('tr[data-zone="13"]').count()).toBe(0);
    expect(await hoursOf('2')).toBeCloseTo(before, 6);
  });

  it('logs no console errors and sends nothing outside its origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
