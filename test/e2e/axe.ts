// Accessibility checks with axe-core (WCAG 2.0-2.2 A and AA rules). The engine
// is evaluated through the DevTools protocol, which the app's
// Content-Security-Policy does not govern, so the app runs with its real policy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: ImpactValue | null | undefined;
  help: string;
  targets: string[];
}

/** Every WCAG A/AA violation axe finds on the page as it is now (or inside `selector`). */
export async function axeViolations(page: Page, selector?: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const results = (await page.evaluate(
    ([sel]) =>
      (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe.run(sel ?? document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      }),
    [selector] as const,
  )) as AxeResults;
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Violations by impact, e.g. { serious: 2, moderate: 1 }. */
export function byImpact(findings: AxeFinding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.impact ?? 'unknown'] = (out[f.impact ?? 'unknown'] ?? 0) + 1;
  return out;
}

/** Only what blocks people: serious and critical. */
export const blocking = (findings: AxeFinding[]) => findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
