// The what-if of a new package in the Extra-rural panel: a hamlet with no service
// before switches to the extra-rural rate and is priced; a postcode in a town gives its
// sector's areas to choose from and stays on the urban rate; nothing is added to the data.
import { describe, expect, it } from 'vitest';
import { freshApp, openTab, waitForMap, zoneColoursShown } from './browser';
import { openExampleCounty } from './steps';

const app = freshApp();
const whatIf = () => app.page.getByTestId('what-if');
const answer = () => app.page.getByTestId('what-if-answer');
const total = () => app.page.getByTestId('extra-rural-total');

/** Norfolk's Extra-rural tab, its 27 flagged areas listed. */
async function norfolkExtraRural() {
  await openExampleCounty(app.page, 'norfolk', 17);
  await openTab(app.page, 'Extra-rural');
  await expect.poll(() => total().textContent()).toMatch(/^27 units/);
}

/** Asks what a package of `hours` a week in the area named `area` would do. */
async function tryPackage(area: string, hours: string) {
  await whatIf().getByLabel('Postcode or area').fill(area);
  await expect.poll(() => whatIf().locator('.what-if-chosen').textContent()).toContain(area);
  await whatIf().getByLabel('Hours a week').fill(hours);
  await whatIf().getByRole('button', { name: 'See what it costs' }).click();
  await answer().waitFor();
}

const HAMLET = "King's Lynn and West Norfolk 014A";

describe('what if a new package starts here', () => {
  it('switches a Norfolk hamlet with no service before to the extra-rural rate and prices it, adding nothing', async () => {
    await norfolkExtraRural();
    // Norfolk's bands price remoteness: its flagged places carry no uplift, and say so.
    expect(await app.page.getByTestId('extra-rural-list').locator('li').first().textContent()).toMatch(/ h\/wk · no uplift · score /);
    const before = await total().textContent();
    await tryPackage(HAMLET, '7');
    await expect.poll(() => answer().getAttribute('data-flagged')).toBe('true');
    expect(await answer().locator('.what-if-headline').textContent()).toBe(
      `${HAMLET} would switch to the extra-rural rate: a new area, with no service before.`,
    );
    // Norfolk prices by distance band and sets no extra-rural uplift: 7 h x £21.72 (Band 3) x 52.14 weeks.
    expect(await answer().getByTestId('what-if-package-cost').textContent()).toBe(
      'The package: 7.0 h a week at £21.72 (Band 3: 8.2 miles from Downham Market) is £7,927 a year.',
    );
    expect(await answer().textContent()).toMatch(/Why: village; \d+ km from base[^;]*; \d+ min travel per contact hour \(top \d+%\)/);
    // A what-if only: the flagged areas and their hours are as they were.
    expect(await total().textContent()).toBe(before);
  });

  it('adds the package to the project only when asked, and takes it out again', async () => {
    await norfolkExtraRural();
    const before = (await total().textContent())!;
    await tryPackage(HAMLET, '7');
    await whatIf().getByRole('button', { name: 'Add this package to the project' }).click();
    await expect.poll(() => app.page.getByTestId('what-if-added').textContent()).toMatch(
      new RegExp(`^Added to the project: one person, 7\\.0 h a week in ${HAMLET}\\.`),
    );
    // The hamlet is flagged now, with the package's hours.
    await expect.poll(() => total().textContent()).toMatch(/^28 units/);
    const hoursOf = (text: string) => Number(/units, ([\d,.]+) h a week/.exec(text)![1].replace(/,/g, ''));
    expect(hoursOf((await total().textContent())!)).toBeCloseTo(hoursOf(before) + 7, 6);
    // The map keeps its zones (it is not rebuilt for new demand): Norfolk's 17 zones in all 16 colours.
    await waitForMap(app.page);
    await app.page.mouse.move(5, 400);
    // Norfolk's map has drawn its zones: 17 zones in 15 colours, the smallest (Gorleston) a few pixels under labels.
    await expect.poll(() => zoneColoursShown(app.page)).toBeGreaterThanOrEqual(13);
    await whatIf().getByRole('button', { name: 'Take it out again' }).click();
    await expect.poll(() => total().textContent()).toBe(before);
    expect(await app.page.getByTestId('what-if-added').count()).toBe(0);
  });

  it('lists the areas of a postcode\'s sector to choose from, and keeps a town on the urban rate', async () => {
    await openTab(app.page, 'Extra-rural');
    await whatIf().getByLabel('Postcode or area').fill('ln1 1aq');
    const area = whatIf().getByLabel('Area', { exact: true });
    await expect.poll(() => area.locator('option').count()).toBe(6);
    expect(await whatIf().locator('#what-if-place-note').textContent()).toMatch(/^Postcode sector LN1 1 lies in 6 areas/);
    await area.selectOption({ index: 2 });
    const chosen = (await area.locator('option:checked').textContent())!;
    expect(chosen).toMatch(/^Lincoln \d{3}[A-Z] \(zone /);
    await whatIf().getByLabel('Hours a week').fill('10');
    await whatIf().getByLabel('Carers').selectOption('2');
    await whatIf().getByRole('button', { name: 'See what it costs' }).click();
    await expect.poll(() => answer().getAttribute('data-flagged')).toBe('false');
    expect(await answer().locator('.what-if-headline').textContent()).toBe(
      `${chosen.replace(/ \(.*$/, '')} is urban: it keeps its rate (extra-rural is for rural places only).`,
    );
    expect(await answer().getByTestId('what-if-package-cost').textContent()).toMatch(
      /^The package: 10\.0 h a week at £15\.63 \(Urban: urban \([A-C]\d\)\) is £8,149 a year\.$/,
    );
  });

  it('refuses a package without hours, or with more visits than a week holds, and says what is wrong', async () => {
    await openTab(app.page, 'Extra-rural');
    await whatIf().getByLabel('Postcode or area').fill('ln1 1aq');
    await whatIf().getByLabel('Hours a week').fill('0');
    expect(await whatIf().getByRole('alert').textContent()).toBe('Hours a week must be above 0 and at most 168.');
    expect(await whatIf().getByRole('button', { name: 'See what it costs' }).isDisabled()).toBe(true);
    await whatIf().getByLabel('Hours a week').fill('5');
    await whatIf().getByLabel('Visits a week').fill('40');
    expect(await whatIf().getByRole('alert').textContent()).toMatch(/^Visits a week must be a whole number from 1 to 28/);
  });
});
