// The county's current plan is a read-only baseline: painting it makes a working
// copy and says so, disruption stays measured against the untouched plan, undo
// survives switching scenarios, and the user can choose to edit the baseline.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshApp, openTab, zoneHours } from './browser';
import { paintAt, pointInZone, scenarioNames } from './steps';

const app = freshApp();

const hoursOf = (id: string) => zoneHours(app.page, id);
const disruptedUsers = (page: Page) => page.getByTestId('summary-disruption').getAttribute('data-value').then(Number);
/** The scenario list's row: 0 is the baseline, 1 the working copy listed after it. */
const row = (index: number) => app.page.getByTestId('scenarios').locator('li').nth(index);

/** Paints the unit under Zone 10's base marker into Zone 9 and waits for the table; returns Zone 10's hours before and after. */
async function strokeInto9() {
  const before = await hoursOf('10');
  await paintAt(app.page, await pointInZone(app.page, '10'), '9 Grantham');
  await expect.poll(() => hoursOf('10')).toBeLessThan(before);
  return { before, after: await hoursOf('10') };
}

describe('the read-only baseline', () => {
  it('puts the first edit into a working copy, says so, and leaves the baseline as it was', async () => {
    expect(await disruptedUsers(app.page)).toBe(0);
    const { before } = await strokeInto9();
    const notice = app.page.getByTestId('baseline-copy');
    await expect.poll(() => notice.textContent()).toMatch(/“Current zones” is the baseline.*stays as it was.*“Current zones \(edited\)”/);
    expect(await disruptedUsers(app.page)).toBeGreaterThan(0);

    await openTab(app.page, 'Scenarios');
    expect(await scenarioNames(app.page)).toEqual(['Current zones', 'Current zones (edited)']);
    await row(0).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => hoursOf('10')).toBeCloseTo(before, 6);
    expect(await disruptedUsers(app.page)).toBe(0);
  });

  it('keeps the copy’s undo history across a switch to the baseline and back', async () => {
    const { before, after } = await strokeInto9();
    await openTab(app.page, 'Scenarios');
    await row(0).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => hoursOf('10')).toBeCloseTo(before, 6);
    await row(1).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => hoursOf('10')).toBeCloseTo(after, 6);
    await app.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => hoursOf('10')).toBeCloseTo(before, 6);
    expect(await disruptedUsers(app.page)).toBe(0);
    await app.page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => hoursOf('10')).toBeCloseTo(after, 6);
  });

  it('edits the baseline itself only when the user ticks “edit it directly”', async () => {
    await openTab(app.page, 'Scenarios');
    await app.page.getByTestId('baseline-editable').check();
    await strokeInto9();
    expect(await scenarioNames(app.page)).toEqual(['Current zones']);
    // Disruption is still measured against the plan as it was opened.
    expect(await disruptedUsers(app.page)).toBeGreaterThan(0);
  });
});
