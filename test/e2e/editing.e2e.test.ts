// Redrawing zones by hand: paint, undo and redo, locks, scenarios, and getting
// everything back after a reload.
import { describe, expect, it } from 'vitest';
import { freshApp, openTab, waitForMap, zoneHours } from './browser';
import { compare, lockZone, paintAt, pointInZone, scenarioNames, tooltipAt, twoDrafts } from './steps';

const app = freshApp();
const hoursOf = (id: string) => zoneHours(app.page, id);

/** Paints the unit under Zone 10's base marker into Zone 9; returns the hours of both before and after. */
async function paintOneUnitOf10Into9() {
  const p = await pointInZone(app.page, '10');
  expect(await tooltipAt(app.page, p)).toContain('10 Sleaford');
  const before = { ten: await hoursOf('10'), nine: await hoursOf('9') };
  await paintAt(app.page, p, '9 Grantham');
  await expect.poll(() => tooltipAt(app.page, p)).toContain('9 Grantham');
  return { p, before, after: { ten: await hoursOf('10'), nine: await hoursOf('9') } };
}

describe('editing zones', () => {
  it('paints a unit from Zone 10 into Zone 9, updates the table, and undoes and redoes with the keyboard', async () => {
    const { before, after } = await paintOneUnitOf10Into9();
    expect(after.ten).toBeLessThan(before.ten);
    expect(after.nine - before.nine).toBeCloseTo(before.ten - after.ten, 6);
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => hoursOf('10')).toBeCloseTo(before.ten, 6);
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => hoursOf('10')).toBeCloseTo(after.ten, 6);
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => hoursOf('10')).toBeCloseTo(before.ten, 6);
  });

  it('never changes a locked zone', async () => {
    const before = await hoursOf('10');
    await lockZone(app.page, '10');
    const p = await pointInZone(app.page, '10');
    await paintAt(app.page, p, '9 Grantham');
    await paintAt(app.page, { x: p.x + 12, y: p.y + 10 }, '9 Grantham');
    expect(await tooltipAt(app.page, p)).toContain('10 Sleaford (locked)');
    expect(await hoursOf('10')).toBeCloseTo(before, 6);
  });

  it('saves scenarios and gets everything back after a reload', async () => {
    await lockZone(app.page, '10');
    await twoDrafts(app.page);
    const expected = await Promise.all(['8', '9', '10'].map(hoursOf));
    await app.page.locator('[data-save-state="saved"]').waitFor();

    await app.page.reload();
    await waitForMap(app.page);
    // Locking zone 10 was the first edit: it went into a working copy, and the county's plan is kept as it was.
    expect(await scenarioNames(app.page)).toEqual(['Current zones', 'Current zones (edited)', 'Draft A', 'Draft B']);
    expect(await Promise.all(['8', '9', '10'].map(hoursOf))).toEqual(expected);
    await app.page.locator('tr[data-zone="10"]').click();
    expect(await app.page.getByTestId('zone-lock').isChecked()).toBe(true);
  });

  it('compares two scenarios: the units that differ, every zone metric, the disruption', async () => {
    await twoDrafts(app.page);
    await compare(app.page, 'Draft A', 'Draft B');
    const disruption = await app.page.getByTestId('disruption').textContent();
    const units = Number(/Units changing zone([\d,]+)/.exec(disruption ?? '')![1]);
    expect(units).toBeGreaterThanOrEqual(1);
    expect(await app.page.getByTestId('compare-table').locator('tbody tr').count()).toBe(12);
    const row8 = await app.page.locator('[data-testid="compare-table"] tr[data-zone="8"]').textContent();
    expect(row8).toMatch(/\(\+/); // zone 8 gained hours
    await app.page.getByRole('button', { name: 'Close' }).click();
    await app.page.getByTestId('compare').waitFor({ state: 'detached' });
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
});
