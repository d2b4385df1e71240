// The printable lot report: standalone, escaped, a page per lot, aggregates only.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lotReport, REPORT_CSS_SHA256, AGGREGATES_NOTE } from '../../../src/export/lotReport';
import { REPORT_CSS } from '../../../src/export/reportStyles';
import { escapeHtml } from '../../../src/export/escapeHtml';
import { updateZone } from '../../../src/model/scenario';
import { lotTitle } from '../../../solver/zoneLabel';
import { scorePlan } from '../../../solver/score';
import { project, scenario, settings } from './fixtures';
import { asZone } from '../../../solver/model';

const XSS = '<img src=x onerror=alert(1)>';
const hostile = updateZone(updateZone(scenario, asZone(0), { name: XSS }), asZone(1), { name: '"><script>alert(2)</script>', colour: '" onload="alert(3)' });
const html = lotReport(project, hostile, settings, { generatedAt: new Date('2026-04-01T12:00:00Z') });

describe('lot report', () => {
  it('escapes names from imported files so they show as text', () => {
    expect(html).toContain(escapeHtml(XSS));
    expect(html).not.toContain(XSS);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });

  it('has a cover and a page per lot, each lot named, with its map', () => {
    for (const z of hostile.zones) expect(html).toContain(`<span>${escapeHtml(lotTitle(z))}</span>`);
    expect(html.match(/<section class="page lot"/g)).toHaveLength(hostile.zones.length);
    expect(html.match(/<section class="page cover"/g)).toHaveLength(1);
    expect(html.match(/<svg class="map"/g)).toHaveLength(hostile.zones.length + 1);
    expect(REPORT_CSS).toMatch(/\.page \+ \.page \{ break-before: page; \}/);
    expect(REPORT_CSS).toMatch(/@page \{ size: A4/);
  });

  it('lists each lot\'s extra-rural areas with their reasons and its postcode sectors', () => {
    const sleaford = html.slice(html.indexOf('Lot 10: Sleaford'), html.indexOf('Lot 11: Spalding'));
    expect(sleaford).toMatch(/Extra-rural areas/);
    expect(sleaford).toMatch(/km from base/);
    expect(sleaford).toContain('<li>NG34 7</li>');
  });

  it('lists at most four extra-rural areas on a lot\'s page, the largest, and sums the rest, so the lot keeps to its page', () => {
    const plain = lotReport(project, scenario, settings, { generatedAt: new Date('2026-04-01T12:00:00Z') });
    const { model, plan } = project;
    const flags = scorePlan(model, plan, settings).extraRural.flags;
    const louth = scenario.zones.findIndex((z) => z.name === 'Louth');
    const hours = flags.filter((f) => plan.zoneOf[f.unit] === louth).map((f) => model.demand.hours[f.unit]).sort((a, b) => b - a);
    expect(hours.length).toBeGreaterThan(4);
    const page = plain.slice(plain.indexOf('Lot 2: Louth'), plain.indexOf('Lot 3: Boston'));
    const table = page.slice(page.indexOf('<table class="extra">'), page.indexOf('</table>', page.indexOf('<table class="extra">')));
    expect(table.match(/<tr>/g)).toHaveLength(1 + 4 + 1);
    const rest = hours.slice(4).reduce((t, h) => t + h, 0);
    expect(table).toContain(`and ${hours.length - 4} more area${hours.length - 4 === 1 ? '' : 's'}</td><td class="n">${rest.toFixed(1)}</td>`);
  });

  it('loads nothing from outside and lets only its own stylesheet apply', () => {
    // url(#…) is the maps' own clip path, inside the page.
    expect(html).not.toMatch(/<[^>]+\s(src|href)=|@import|url\((?!#clip-)/i);
    const hash = `sha256-${createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64')}`;
    expect(REPORT_CSS_SHA256, 'update REPORT_CSS_SHA256 after editing REPORT_CSS').toBe(hash);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;${hash}&#39;`);
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
  });

  it('says in its footers that it holds aggregates only', () => {
    expect(html.split(escapeHtml(AGGREGATES_NOTE)).length - 1).toBe(hostile.zones.length + 1);
  });
});

describe('lot report headings', () => {
  const named = { ...scenario, zones: scenario.zones.map((z) => ({ ...z, id: z.name })) };
  const page = lotReport(project, named, settings, { generatedAt: new Date('2026-04-01T12:00:00Z') });

  it('names a lot once when its id is its name, in headings and the lot table', () => {
    expect(page).toContain('<span>Lot: Sleaford</span>');
    expect(page).not.toMatch(/Sleaford: Sleaford|Sleaford Sleaford/);
    expect(page).toContain('<td class="lot-name">Sleaford</td>');
  });
});
