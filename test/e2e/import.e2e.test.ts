// Importing a council's own files through the Import dialog: templates onto
// hexagons, the messy users file and its report, hostile strings, broken
// files, cancelling, and the imported project surviving a reload.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshApp, waitForMap } from './browser';
import { chooseBases, chooseHexagons, chooseUsers, FIXTURES, gotoStep, importDialog, openImport, runImport, TEMPLATES } from './steps';

const app = freshApp();

const projectName = () => app.page.getByTestId('project-name').textContent();
const totalHours = async () => Number(await app.page.locator('[data-testid="total-hours"]').getAttribute('data-hours'));
const count = async (key: string) => Number((await app.page.locator(`[data-count="${key}"]`).first().textContent())!.replace(/,/g, ''));

/** The problem table as [file, row, column, value, severity, message] rows. */
const problemRows = () =>
  app.page.locator('[data-testid="problem-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

/** The template users (waiting column unmapped) and bases, imported onto hexagons as far as the report. */
async function importTemplates() {
  const page = app.page;
  await openImport(page);
  await chooseUsers(page, `${TEMPLATES}service-users.csv`);
  // Guessed mapping, shown in the selects.
  expect(await page.locator('select[data-field="postcode"]').inputValue()).toBe('postcode');
  expect(await page.locator('select[data-field="weeklyHours"]').inputValue()).toBe('weekly_hours');
  expect(await page.locator('select[data-field="zone"]').inputValue()).toBe('current_zone');
  // A change to remember: waiting is not used this time.
  await page.locator('select[data-field="waiting"]').selectOption('');
  // Until units are chosen the footer says so, and Import cannot run.
  await gotoStep(page, 'Units');
  expect(await page.getByTestId('import-blocker').textContent()).toMatch(/^Units: choose hexagons or a boundary file/);
  expect(await page.locator('[data-action="run-import"]').isDisabled()).toBe(true);
  await chooseHexagons(page);
  await page.locator('[data-testid="resolutions"] td.num', { hasText: '≈' }).first().waitFor();
  expect(await page.locator('input[data-resolution="7"]').isChecked()).toBe(true);
  await chooseBases(page, `${TEMPLATES}provider-bases.csv`);
  await gotoStep(page, 'Current zones');
  expect(await page.locator('input[name="zones-kind"]').nth(1).isChecked()).toBe(true); // the users' zone column
  await runImport(page);
}

describe('the Import dialog', () => {
  it('offers the template CSVs for download', async () => {
    const page = app.page;
    await openImport(page);
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-template="service-users"]').click()]);
    expect(readFileSync((await file.path())!, 'utf8')).toBe(readFileSync(`${TEMPLATES}service-users.csv`, 'utf8'));
    await page.locator('[aria-label="Close import"]').click();
  });

  it('imports the template users and bases onto hexagons, opens them, keeps them after a reload, and remembers the mapping', async () => {
    const page = app.page;
    await importTemplates();
    expect(await count('rowsImported')).toBe(6);
    expect(await count('rejected')).toBe(0);
    // No postcode lookup on this machine: every user is placed approximately, and the report says so.
    expect(await count('placedApproximately')).toBe(6);
    expect(await page.locator('.report-notes').textContent()).toMatch(/no full postcode lookup is loaded, so 6 of 6 users/);

    await page.locator('[data-action="open-imported"]').click();
    await expect.poll(projectName).toMatch(/^service-users \(imported/);
    await waitForMap(page);
    expect(await totalHours()).toBe(68);
    const zones = await page.locator('[data-testid="zone-table"] tbody tr[data-zone]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-zone')));
    expect(zones).toEqual(expect.arrayContaining(['1', '2', '3', '4', '10', '12']));

    const name = await projectName();
    await page.locator('[data-save-state="saved"]').waitFor();
    await page.reload();
    await waitForMap(page);
    expect(await projectName()).toBe(name);
    expect(await totalHours()).toBe(68);

    // The confirmed mapping is remembered for the same header row, across the reload too.
    await openImport(page);
    await chooseUsers(page, `${TEMPLATES}service-users.csv`);
    expect(await page.locator('select[data-field="waiting"]').inputValue()).toBe('');
    expect(await page.locator('select[data-field="postcode"]').inputValue()).toBe('postcode');
    await page.locator('[aria-label="Close import"]').click();
  });

  it('reads the messy users file by its headers and reports every problem by row and column, hostile text kept inert', async () => {
    const page = app.page;
    const before = { name: await projectName(), hours: await totalHours() };
    await openImport(page);
    await chooseUsers(page, `${FIXTURES}messy-users.csv`);
    expect(await page.locator('select[data-field="id"]').inputValue()).toBe('Service User Ref');
    expect(await page.locator('select[data-field="postcode"]').inputValue()).toBe('Post Code');
    expect(await page.locator('select[data-field="weeklyHours"]').inputValue()).toBe('Hrs per week');
    expect(await page.locator('select[data-field="carers"]').inputValue()).toBe('No. of carers');
    // The quoted comma stays in one cell; the formula id is shown as text.
    const preview = await page.locator('[data-testid="users-preview"] tbody').textContent();
    expect(preview).toContain('Zone 2, North');

    await chooseHexagons(page);
    await chooseBases(page, `${FIXTURES}hostile-bases.csv`);
    await runImport(page);

    // Without a postcode lookup LN1 1AB (terminated) and LN1 9ZZ (non-geographic) are placed at their sector centre.
    expect(await count('rowsImported')).toBe(7);
    expect(await count('rejected')).toBe(7);
    const rows = await problemRows();
    const has = (row: string, column: string, value: string, severity: string, message: RegExp) =>
      expect(rows.some((r) => r[0] === 'service users' && r[1] === row && r[2] === column && r[3] === value && r[4] === severity && message.test(r[5])), `${row} ${column} ${value}`).toBe(true);
    has('6', 'Post Code', 'ZZ99 9ZZ', 'error', /ZZ99 9ZZ/);
    has('7', 'Hrs per week', '-3', 'error', /negative/);
    has('8', 'No. of carers', '3', 'error', /1 or 2/);
    has('9', 'Service User Ref', '=HYPERLINK("http://x","y")', 'warning', /formula/);
    has('10', 'Post Code', '', 'error', /Missing postcode/);
    has('11', 'Hrs per week', 'abc', 'error', /not a number/);
    has('12', 'Service User Ref', 'SU0001', 'warning', /Duplicate id: also on row 2/);
    has('12', 'On waiting list', 'maybe', 'warning', /yes\/no/);
    has('13', 'Post Code', 'NOT A POSTCODE', 'error', /not a valid UK postcode/);
    has('14', 'Post Code', 'BX1 1LT', 'error', /non-geographic/);
    // Hostile ids and names are text, never markup.
    expect(rows.some((r) => r[0] === 'provider bases' && r[3] === '<img src=x onerror="window.__pwned=1">')).toBe(true);
    expect(rows.some((r) => r[0] === 'provider bases' && r[3] === '=cmd|calc')).toBe(true);
    expect(await page.locator('[data-testid="problem-table"] img, [data-testid="problem-table"] a, [data-testid="problem-table"] b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Filtering and sorting.
    await page.locator('select[aria-label="Severity"]').selectOption('warning');
    expect((await problemRows()).every((r) => r[4] === 'warning')).toBe(true);
    await page.locator('select[aria-label="Severity"]').selectOption('all');
    await page.locator('input[aria-label="Filter problems"]').fill('hyperlink');
    expect((await problemRows()).map((r) => r[1])).toEqual(['9']);
    await page.locator('input[aria-label="Filter problems"]').fill('');
    await page.locator('.problem-table th button', { hasText: 'Row' }).click();
    await page.locator('.problem-table th button', { hasText: 'Row' }).click();
    const sorted = (await problemRows()).map((r) => Number(r[1]));
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));

    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download-report"]').click()]);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('file,row,column,value,severity,message');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(`'=cmd|calc`);
    expect(csv).not.toMatch(/(^|,)"?[=+@-]/m);

    // Cancel on the report leaves the open project as it was.
    await page.locator('.dialog-actions button', { hasText: 'Cancel' }).click();
    await importDialog(page).waitFor({ state: 'detached' });
    expect(await projectName()).toBe(before.name);
    expect(await totalHours()).toBe(before.hours);
  });

  it('says clearly what is wrong with a broken file and changes nothing', async () => {
    const page = app.page;
    const before = { name: await projectName(), hours: await totalHours() };
    await openImport(page);
    await gotoStep(page, 'Service users');
    await page.locator('[data-testid="users-file"]').setInputFiles(`${FIXTURES}users-saved-as.xlsx`);
    await expect.poll(() => page.locator('[data-testid="import-error"]').textContent()).toMatch(/looks like an Excel workbook.*CSV.*unchanged/);
    expect(await page.locator('[data-action="run-import"]').isDisabled()).toBe(true);

    await gotoStep(page, 'Units');
    await page.locator('input[name="units-kind"]').nth(1).check();
    await page.locator('[data-testid="units-file"]').setInputFiles(`${FIXTURES}truncated.geojson`);
    await expect.poll(() => page.locator('[data-testid="import-error"]').textContent()).toMatch(/truncated\.geojson is not valid JSON/);
    // A file with some bad features is read, and says how many will be left out.
    await page.locator('[data-testid="units-file"]').setInputFiles(`${FIXTURES}invalid.geojson`);
    await expect.poll(() => page.locator('.import-step .hint').first().textContent()).toMatch(/invalid features will be left out/);

    await page.locator('[aria-label="Close import"]').click();
    expect(await projectName()).toBe(before.name);
    expect(await totalHours()).toBe(before.hours);
  });

  it('cancels a large import at once, leaving the project as it was', async () => {
    const page = app.page;
    const before = await projectName();
    const lines = ['id,postcode,weekly_hours,carers,waiting,zone'];
    const sectors = ['LN1 1', 'LN2 1', 'LN5 0', 'NG34 7', 'PE21 6', 'PE9 2', 'LN8 2', 'LN12 2'];
    for (let i = 0; i < 60_000; i++) lines.push(`U${i},${sectors[i % sectors.length]}AB,${1 + (i % 20)},1,no,${1 + (i % 6)}`);
    await openImport(page);
    await gotoStep(page, 'Service users');
    await page.locator('[data-testid="users-file"]').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.locator('[data-testid="users-preview"]').waitFor();
    await chooseHexagons(page);
    await gotoStep(page, 'Current zones');
    await page.locator('[data-action="run-import"]').click();
    await page.locator('[data-testid="import-progress"] button', { hasText: 'Cancel' }).click();
    await expect.poll(() => page.locator('[data-testid="import-error"]').textContent()).toMatch(/^Cancelled\. Your current project is unchanged\./);
    await page.locator('[aria-label="Close import"]').click();
    expect(await projectName()).toBe(before);
  });
});
