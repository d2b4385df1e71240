// The hardest zones view: both example counties ranked with reasons in words, and
// the difficulty rank in the zone table.
import { describe, expect, it } from 'vitest';
import { freshApp, openTab } from './browser';
import { openExampleCounty } from './steps';

const app = freshApp();
const items = () => app.page.locator('[data-testid="hardest-list"] li');
const zoneItem = (id: string) => app.page.locator(`[data-testid="hardest-list"] li[data-zone="${id}"]`);

describe('the hardest zones', () => {
  it('ranks Lincolnshire with Sleaford among the three hardest, saying why', async () => {
    await openTab(app.page, 'Hardest');
    await expect.poll(() => items().count()).toBe(12);
    const top3 = await items().evaluateAll((lis) => lis.slice(0, 3).map((li) => li.getAttribute('data-zone')));
    expect(top3).toContain('10');
    expect(await zoneItem('10').locator('.hardest-reasons').textContent()).toMatch(/40 people waiting .*highest.*117% of capacity, highest/);
    // Difficulty falls down the list.
    const scores = (await items().locator('[data-testid="difficulty"]').allTextContents()).map(Number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('picks a zone to paint from the list, and shows the same rank in the zone table', async () => {
    await openTab(app.page, 'Hardest');
    await zoneItem('10').locator('button').click();
    await expect.poll(() => zoneItem('10').getAttribute('class')).toBe('active');
    const rank = await zoneItem('10').getAttribute('data-rank');
    await openTab(app.page, 'Zones');
    expect(await app.page.locator('tr[data-zone="10"] td[data-metric="difficulty"]').textContent()).toBe(rank);
    expect(await app.page.locator('tr[data-zone="10"]').getAttribute('aria-selected')).toBe('true');
  });

  it('ranks the sparse north and west of Norfolk hardest', async () => {
    await openExampleCounty(app.page, 'norfolk', 17);
    await openTab(app.page, 'Hardest');
    await expect.poll(() => items().count()).toBe(17);
    const top3 = await items().evaluateAll((lis) => lis.slice(0, 3).map((li) => li.querySelector('button')!.textContent));
    expect(top3.map((t) => t!.replace(/^\d+\s+/, '')).sort()).toEqual(['Fakenham & Wells', 'Fens and Brecks', 'West Norfolk Coastal']);
  });
});
