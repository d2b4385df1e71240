// The hardest zones view: both example counties ranked with reasons in words, and
// the difficulty rank in the zone table.
import { describe, expect, it } from 'vitest';
import { appSession, openTab, waitForMap } from './browser';

const app = appSession();
const items = () => app.page.locator('[data-testid="hardest-list"] li');

describe('the hardest zones', () => {
  it('ranks Lincolnshire with Sleaford among the three hardest, saying why', async () => {
    await openTab(app.page, 'Hardest');
    await expect.poll(() => items().count()).toBe(12);
    const top3 = await items().evaluateAll((lis) => lis.slice(0, 3).map((li) => li.getAttribute('data-zone')));
    expect(top3).toContain('10');
    const sleaford = app.page.locator('[data-testid="hardest-list"] li[data-zone="10"]');
    expect(await sleaford.locator('.hardest-reasons').textContent()).toMatch(/40 people waiting .*highest.*117% of capacity, highest/);
    // Difficulty falls down the list.
    const scores = (await items().locator('[data-testid="difficulty"]').allTextContents()).map(Number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    if (process.env.SCREENSHOTS === '1') {
      await waitForMap(app.page);
      await app.page.screenshot({ path: 'docs/screenshot-hardest.png' });
    }
  });

  it('picks a zone to paint from the list, and shows the same rank in the zone table', async () => {
    await openTab(app.page, 'Hardest');
    await app.page.locator('[data-testid="hardest-list"] li[data-zone="10"] button').click();
    await expect.poll(() => app.page.locator('[data-testid="hardest-list"] li[data-zone="10"]').getAttribute('class')).toBe('active');
    const rank = await app.page.locator('[data-testid="hardest-list"] li[data-zone="10"]').getAttribute('data-rank');
    await openTab(app.page, 'Zones');
    expect(await app.page.locator('tr[data-zone="10"] td[data-metric="difficulty"]').textContent()).toBe(rank);
    expect(await app.page.locator('tr[data-zone="10"]').getAttribute('aria-selected')).toBe('true');
  });

  it('ranks the sparse north and west of Norfolk hardest', async () => {
    await app.page.getByRole('combobox', { name: 'Which example county' }).selectOption('norfolk');
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByRole('button', { name: 'Example county', exact: true }).click();
    await expect.poll(() => app.page.locator('.project-name').textContent()).toContain('Norfolk');
    await openTab(app.page, 'Hardest');
    await expect.poll(() => items().count()).toBe(17);
    const top3 = await items().evaluateAll((lis) => lis.slice(0, 3).map((li) => li.querySelector('button')!.textContent));
    expect(top3.map((t) => t!.replace(/^\d+\s+/, '')).sort()).toEqual(['Fakenham & Wells', 'Fens and Brecks', 'West Norfolk Coastal']);
    if (process.env.SCREENSHOTS === '1') {
      await waitForMap(app.page);
      await app.page.screenshot({ path: 'docs/screenshot-hardest-norfolk.png' });
    }
  });

  it('logs no console errors and sends no request outside its own origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
