// The county's current plan is a read-only baseline: painting it makes a working
// copy and says so, disruption stays measured against the untouched plan, undo
// survives switching scenarios, and the user can choose to edit the baseline.
import { describe, expect, it } from 'vitest';
import { appSession, openTab, zoneHours } from './browser';

const app = appSession();

const hoursOf = (id: string) => zoneHours(app.page, id);
const scenarioNames = () =>
  app.page.getByTestId('scenarios').getByLabel('Scenario name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const disruptedUsers = () => app.page.getByTestId('summary-disruption').getAttribute('data-value').then(Number);

/** Paints the unit just below Zone 10's badge into Zone 9. */
async function strokeInto9() {
  const box = (await app.page.locator('.zone-badge[title^="Zone 10 "]').boundingBox())!;
  await app.page.getByTestId('active-zone').selectOption({ label: '9 Grantham' });
  await app.page.getByRole('button', { name: 'Brush' }).click();
  await app.page.mouse.move(box.x + 6, box.y + box.height + 28);
  await app.page.mouse.down();
  await app.page.mouse.up();
}

/** The scenario list's row: 0 is the baseline, 1 the working copy listed after it. */
const row = (index: number) => app.page.getByTestId('scenarios').locator('li').nth(index);

describe('the read-only baseline', () => {
  let before10 = 0;
  let after10 = 0;

  it('puts the first edit into a working copy, says so, and leaves the baseline as it was', async () => {
    before10 = await hoursOf('10');
    expect(await disruptedUsers()).toBe(0);
    await strokeInto9();
    await expect.poll(() => hoursOf('10')).toBeLessThan(before10);
    after10 = await hoursOf('10');
    const notice = app.page.getByTestId('baseline-copy');
    await expect.poll(() => notice.textContent()).toMatch(/“Current zones” is the baseline.*stays as it was.*“Current zones \(edited\)”/);
    expect(await disruptedUsers()).toBeGreaterThan(0);

    await openTab(app.page, 'Scenarios');
    expect(await scenarioNames()).toEqual(['Current zones', 'Current zones (edited)']);
    await row(0).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => hoursOf('10')).toBeCloseTo(before10, 6);
    expect(await disruptedUsers()).toBe(0);
  });

  it('keeps the copy’s undo history across the switch', async () => {
    await row(1).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => hoursOf('10')).toBeCloseTo(after10, 6);
    await app.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => hoursOf('10')).toBeCloseTo(before10, 6);
    expect(await disruptedUsers()).toBe(0);
    await app.page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => hoursOf('10')).toBeCloseTo(after10, 6);
  });

  it('edits the baseline itself only when the user ticks “edit it directly”', async () => {
    await row(0).getByRole('button', { name: 'Open' }).click();
    await app.page.getByTestId('baseline-editable').check();
    await strokeInto9();
    await expect.poll(() => hoursOf('10')).toBeLessThan(before10);
    expect(await scenarioNames()).toEqual(['Current zones', 'Current zones (edited)']);
    // Disruption is still measured against the plan as it was opened.
    expect(await disruptedUsers()).toBeGreaterThan(0);
  });

  it('logs no console errors and sends nothing outside its origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
