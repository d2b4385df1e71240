// Moving the mouse over the map must not re-render the panels: hover lives in its
// own store and only the tooltip reads it. Counted with React's DevTools hook.
import { describe, expect, it } from 'vitest';
import { countReactRenders, freshApp, reactRenders } from './browser';

const app = freshApp({ init: countReactRenders });

describe('hover', () => {
  it('re-renders the tooltip and nothing else, move after move', async () => {
    const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.getByRole('tooltip').waitFor();
    await reactRenders(app.page);
    // Across the middle of the county: several units, each move a new hover state.
    for (let i = 0; i < 30; i++) await app.page.mouse.move(box.x + box.width * (0.35 + i / 100), box.y + box.height / 2);
    await expect.poll(() => app.page.getByRole('tooltip').textContent()).toBeTruthy();
    await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const commits = await reactRenders(app.page);
    expect(commits.length).toBeGreaterThan(5);
    const perCommit = commits.map((c) => Object.values(c).reduce((a, b) => a + b, 0));
    // One component a commit: the tooltip.
    expect(Math.max(...perCommit), JSON.stringify(commits.slice(0, 3))).toBe(1);
  });
});
