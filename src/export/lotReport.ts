// The printable lot report: one standalone HTML page set (A4, a page per lot)
// with a cover summary and overview map, then per lot a map, its figures, its
// extra-rural areas with reasons and its postcode sectors. Standalone on
// purpose: no script, no font, no image fetched, so it prints offline and a
// hostile name in an imported file can only ever show as text.
import { asZone, type ZoneIndex } from '../../solver/model';
import { lotTitle, zoneLabel } from '../../solver/zoneLabel';
import { rateMixWords, rateSchemeWords, type ScoreSettings, type ZoneScore } from '../../solver/score';
import type { Project } from '../model/project';
import type { Scenario } from '../model/scenario';
import { escapeHtml as esc } from './escapeHtml';
import { exportData, zoneBases, type ExportData } from './exportData';
import { mainShare, sectorAreas, type PostcodeArea } from './postcodeAllocation';
import { REPORT_CSS } from './reportStyles';
import { colourOf, lotMapOptions, overviewMapOptions, reportMaps, type ReportMaps } from './reportMaps';
import { mapSheet } from './svgMap';
import { shownCount, unitFiguresShown, withheldText } from './privacy';

export interface LotReportOptions {
  /** Date printed on the cover; now when absent. */
  generatedAt?: Date;
  /**
   * Leave the <style> element out. The app's print tab needs this: a blob: page
   * inherits the app's Content-Security-Policy, which blocks inline styles, so
   * the app adopts REPORT_CSS as a constructed stylesheet instead.
   */
  omitStyles?: boolean;
}

/**
 * Hash of REPORT_CSS for the report's Content-Security-Policy, so only that
 * exact stylesheet may apply (a unit test recomputes it; update both together).
 */
export const REPORT_CSS_SHA256 = 'sha256-eWB7OsXnb1tOl8L0p7Vau3g15mUWH37HVil9Y/OXWQ4=';

export const REPORT_CSP = `default-src 'none'; style-src '${REPORT_CSS_SHA256}'; base-uri 'none'; form-action 'none'`;

export const AGGREGATES_NOTE =
  'Aggregates only: this report holds figures summed over areas. It contains no service-user records ' +
  '(the carezones project does not keep them), no names, no addresses and no individual postcodes.';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const pence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });
const int = (x: number) => whole.format(x);
const pct = (share: number | null) => (share === null ? '–' : `${whole.format(share * 100)}%`);

/** The maps' shared outlines, and the postcode sectors of every lot. */
interface Report extends ReportMaps {
  sectors: PostcodeArea[];
}

const swatch = (colour: string) =>
  `<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="1.5" fill="${esc(colour)}"/></svg>`;

const overviewMap = (s: ReportMaps) => {
  const o = overviewMapOptions(s, { maxWidth: 440, maxHeight: 320 });
  return o ? mapSheet(o).svg : '';
};

const lotMap = (s: ReportMaps, z: ZoneIndex) => {
  const o = lotMapOptions(s, z);
  return o ? mapSheet(o).svg : '<p class="note">This lot has no units, so no map.</p>';
};

const row = (label: string, value: string) => `<tr><th scope="row">${esc(label)}</th><td>${esc(value)}</td></tr>`;

function figuresTable(d: ExportData, s: ZoneScore): string {
  const bases = zoneBases(d, s.zone);
  const travel = s.travelFromBase;
  const rows = [
    row('Service users', int(s.users)),
    row('Weekly hours', int(s.hours)),
    row('Double-handed hours', int(s.doubleHandedHours)),
    row('People waiting (hours)', `${int(s.waitingUsers)} (${int(s.waitingHours)} h)`),
    row('Rural share of hours', pct(s.ruralShare)),
    row('Urban / rural town / village hours', `${int(s.urbanHours)} / ${int(s.ruralTownHours)} / ${int(s.ruralVillageHours)}`),
    row('Against the mean lot', s.balanceVsMeanPct === null ? '–' : `${s.balanceVsMeanPct >= 0 ? '+' : ''}${int(s.balanceVsMeanPct)}%`),
    row('Base capacity (use)', `${int(bases.capacityHours)} h (${s.capacityUsePct === null ? '–' : `${int(s.capacityUsePct)}%`})`),
    row('Mean travel from base', travel ? `${oneDp.format(travel.metres / 1000)} km, ${int(travel.minutes)} min` : '–'),
    row('Area', `${int(s.areaKm2)} km²`),
    row('Pieces', int(s.pieces)),
    row('Compactness (Polsby-Popper)', s.compactness === null ? '–' : s.compactness.toFixed(2)),
    row('Extra-rural hours (uplift)', `${int(s.extraRuralHours)} (${pounds.format(s.extraRuralUpliftCost)})`),
    row('Mean hourly rate', s.meanRate === null ? '–' : pence.format(s.meanRate)),
    row('Annual cost', pounds.format(s.annualCost)),
  ];
  return `<table class="figures"><tbody>${rows.join('')}</tbody></table>`;
}

/** The lot's hours by rate category on one line: "Hours by rate: Band 1 45% · Band 2 40% · Band 3 15%". */
function rateMixLine(s: ZoneScore): string {
  const words = rateMixWords(s.rateMix);
  return words ? `<p class="mix"><span>Hours by rate:</span> ${esc(words)}</p>` : '';
}

/** The lot's bases, one a line (beside the figures: a long name would wrap the figures table). */
function baseList(d: ExportData, z: ZoneIndex): string {
  const { names } = zoneBases(d, z);
  if (names.length === 0) return '<p class="note">No provider base in this lot.</p>';
  return `<ul class="bases">${names.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
}

const PLACE_WORDS = ['urban', 'rural town', 'village'];
/** Areas listed on a lot's page, largest first, so the lot still fits its page; the rest are summed. */
const EXTRA_RURAL_ROWS = 4;

function extraRuralTable(d: ExportData, z: ZoneIndex): string {
  const flags = d.score.extraRural.flags.filter((f) => d.plan.zoneOf[f.unit] === z);
  if (flags.length === 0) return '<p class="note">No area of this lot earns the extra-rural rate.</p>';
  const { ids, names, rurality, sparse } = d.model.units;
  const { hours } = d.model.demand;
  const num = (x: number | null, f: (x: number) => string) => (x === null ? '–' : f(x));
  const sorted = flags.sort((a, b) => hours[b.unit] - hours[a.unit] || b.score - a.score);
  const rows = sorted.slice(0, EXTRA_RURAL_ROWS).map((f) => {
    const g = f.figures;
    // Place figures (rurality, distance) always; figures about its people only above the privacy minimum.
    const people = (text: string) => (unitFiguresShown(d, f.unit) ? text : 'withheld');
    // A unit with enough users can still have one or two people waiting: that count is withheld too.
    const waitingText = (n: number) => (shownCount(d, n) === null ? `fewer than ${d.settings.privacyMinimumUsers}` : int(n));
    return (
      `<tr><td class="area">${esc(names[f.unit])} <span class="note">${esc(ids[f.unit])}</span></td>` +
      `<td class="place">${esc(`${sparse[f.unit] ? 'sparse ' : ''}${PLACE_WORDS[rurality[f.unit]] ?? ''}`)}</td>` +
      `<td class="n">${esc(f.newArea ? 'new area' : people(oneDp.format(hours[f.unit])))}</td>` +
      `<td class="n">${esc(people(num(g.minutesPerContactHour, (x) => int(x))))}</td>` +
      `<td class="n">${esc(num(g.baseKm, (x) => int(x)))}</td>` +
      `<td class="n">${esc(people(num(g.hoursPerKm2, (x) => oneDp.format(x))))}</td>` +
      `<td class="n">${esc(people(waitingText(g.waitingUsers)))}</td>` +
      `<td class="n">${esc(f.score.toFixed(2))}</td></tr>`
    );
  });
  const rest = sorted.slice(EXTRA_RURAL_ROWS);
  if (rest.length > 0) {
    const restHours = rest.reduce((t, f) => t + hours[f.unit], 0);
    const restUsers = rest.reduce((t, f) => t + d.model.demand.users[f.unit], 0);
    const shown = restUsers === 0 || restUsers >= d.settings.privacyMinimumUsers;
    rows.push(
      `<tr><td class="area" colspan="2">${esc(`and ${rest.length} more area${rest.length === 1 ? '' : 's'}`)}</td>` +
        `<td class="n">${esc(shown ? oneDp.format(restHours) : 'withheld')}</td><td colspan="5"></td></tr>`,
    );
  }
  return (
    '<table class="extra"><thead><tr><th>Area</th><th>Place</th><th class="n">Hours/wk</th><th class="n travel">Travel min per contact h</th>' +
    '<th class="n">km from base</th><th class="n">h/km²</th><th class="n">Waiting</th><th class="n">Score</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** The table's heading, saying what "withheld" means when a row has it (in the heading: a line more would push a full lot onto a second page). */
function extraRuralHeading(d: ExportData, z: ZoneIndex): string {
  const withheld = d.score.extraRural.flags.some((f) => d.plan.zoneOf[f.unit] === z && !unitFiguresShown(d, f.unit));
  const why = withheldText(d).replace(/^withheld \((.*)\)$/, '$1');
  return `<h3>Extra-rural areas${withheld ? ` <span class="note">· withheld: figures about an area with ${esc(why)} (the privacy minimum)</span>` : ''}</h3>`;
}

function sectorList(s: Report, z: ZoneIndex): string {
  const mine = s.sectors.filter((a) => a.zone === z);
  const partly = s.sectors.filter((a) => a.zone !== z && a.shares.some((x) => x.zone === z));
  if (mine.length === 0 && partly.length === 0) return '<p class="note">No postcode sector data for this lot.</p>';
  const share = (part: number, whole: number) => (part / whole < 0.01 ? '<1%' : part / whole > 0.99 ? '>99%' : `${Math.round((100 * part) / whole)}%`);
  const item = (a: PostcodeArea, inLot: number) =>
    inLot === a.postcodes
      ? `<li>${esc(a.code)}</li>`
      : `<li class="split">${esc(a.code)} (${esc(share(inLot, a.postcodes))})</li>`;
  const main = mine.map((a) => item(a, mainShare(a))).join('');
  const also = partly.map((a) => item(a, a.shares.find((x) => x.zone === z)!.postcodes)).join('');
  return (
    `<p class="note">${esc(int(mine.length))} sectors mainly in this lot; a percentage marks a sector split across lots (share of its postcodes in this lot).</p>` +
    `<ul class="sectors">${main}</ul>` +
    (also ? `<p class="note">Partly in this lot, mainly in another:</p><ul class="sectors">${also}</ul>` : '')
  );
}

/** Warnings listed on a lot's page, so a lot that breaks many rules still fits its page; the rest are counted. */
const WARNINGS_SHOWN = 3;

function lotPage(s: Report, z: ZoneIndex): string {
  const d = s.data;
  const score = d.score.zones[z];
  const shown = score.warnings.slice(0, WARNINGS_SHOWN);
  const more = score.warnings.length - shown.length;
  const warnings =
    shown.map((w) => `<li>${esc(w.message)}</li>`).join('') +
    (more > 0 ? `<li>${esc(`+${more} more warning${more === 1 ? '' : 's'} (the zone table and the lot summary CSV list them all)`)}</li>` : '');
  return (
    `<section class="page lot" id="lot-${esc(d.scenario.zones[z].id)}">` +
    `<p class="kicker">${esc(d.project.name)} · ${esc(d.scenario.name)}</p>` +
    `<h2>${swatch(colourOf(d, z))}<span>${esc(lotTitle(d.scenario.zones[z]))}</span></h2>` +
    lotMap(s, z) +
    (warnings ? `<ul class="warn">${warnings}</ul>` : '') +
    rateMixLine(score) +
    `<div class="cols"><div><h3>Figures</h3>${figuresTable(d, score)}</div>` +
    `<div><h3>Postcode sectors</h3>${sectorList(s, z)}<h3>Bases</h3>${baseList(d, z)}</div></div>` +
    `${extraRuralHeading(d, z)}${extraRuralTable(d, z)}` +
    `<footer class="page-foot">${esc(AGGREGATES_NOTE)}</footer></section>`
  );
}

function summaryBoxes(d: ExportData): string {
  const p = d.score;
  const lots = p.zones.filter((z) => z.units > 0).length;
  const box = (value: string, label: string) => `<div><b>${esc(value)}</b><span>${esc(label)}</span></div>`;
  return (
    '<div class="summary">' +
    box(`${int(lots)}`, `lots with units (of ${int(p.zones.length)})`) +
    box(int(p.assigned.users), 'service users in lots') +
    box(int(p.assigned.hours), 'weekly hours in lots') +
    box(pounds.format(p.annualCost), 'annual cost') +
    box(int(p.extraRuralHours), 'extra-rural hours a week') +
    box(pounds.format(p.extraRuralUpliftCost), 'extra-rural uplift a year') +
    box(int(p.unassigned.units), 'units in no lot') +
    box(int(p.townsSplit.length), 'towns split across lots') +
    '</div>'
  );
}

function lotTable(d: ExportData): string {
  const rows = d.score.zones.map((s) => {
    const z = d.scenario.zones[s.zone];
    return (
      `<tr><td>${swatch(colourOf(d, s.zone))}</td><td class="lot-name">${esc(zoneLabel(z))}</td>` +
      `<td class="n">${esc(int(s.users))}</td><td class="n">${esc(int(s.hours))}</td><td class="n">${esc(pct(s.ruralShare))}</td>` +
      `<td class="n">${esc(int(s.extraRuralHours))}</td><td class="n">${esc(s.meanRate === null ? '–' : pence.format(s.meanRate))}</td>` +
      `<td class="n">${esc(pounds.format(s.annualCost))}</td></tr>`
    );
  });
  const weeklyCost = d.score.assigned.hours * d.settings.weeksPerYear;
  const p = d.score;
  const ruralShare = p.assigned.hours > 0 ? p.zones.reduce((t, s) => t + s.ruralTownHours + s.ruralVillageHours, 0) / p.assigned.hours : null;
  return (
    '<table class="lots"><thead><tr><th></th><th>Lot</th><th class="n">Users</th><th class="n">Hours/wk</th>' +
    '<th class="n">Rural</th><th class="n">Extra-rural h</th><th class="n">£/hour</th><th class="n">Annual cost</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody><tfoot><tr><td></td><td>All lots</td><td class="n">${esc(int(p.assigned.users))}</td>` +
    `<td class="n">${esc(int(p.assigned.hours))}</td><td class="n">${esc(pct(ruralShare))}</td><td class="n">${esc(int(p.extraRuralHours))}</td>` +
    `<td class="n">${esc(weeklyCost > 0 ? pence.format(p.annualCost / weeklyCost) : '–')}</td>` +
    `<td class="n">${esc(pounds.format(p.annualCost))}</td></tr></tfoot></table>`
  );
}

function coverPage(s: ReportMaps): string {
  const d = s.data;
  const split = d.score.townsSplit.map((t) => `${t.name} (lots ${t.zones.map((z) => d.scenario.zones[z].id).join(', ')})`);
  return (
    '<section class="page cover">' +
    '<p class="kicker">carezones · lot report</p>' +
    `<h1>${esc(d.project.name)}</h1>` +
    `<p class="sub">Scenario: <b>${esc(d.scenario.name)}</b> · ${esc(s.date)}</p>` +
    `<div class="cover-map">${overviewMap(s)}</div>` +
    summaryBoxes(d) +
    `<p class="note">Rates: ${esc(rateSchemeWords(d.score.rates.settings, d.score.rates.distances?.centres.length ?? 0))}; ` +
    `${esc(String(d.settings.weeksPerYear))} weeks a year. ` +
    `Annual cost prices each area at its own rate. An area’s extra-rural score weighs rurality, travel between visits, ` +
    `distance to a base, low hours per km² and people waiting against the county’s own areas; each lot lists its ` +
    `${EXTRA_RURAL_ROWS} largest, the unit GeoJSON every area with its reasons. Each lot’s page names its bases and their capacity.</p>` +
    (split.length ? `<p class="note warn">Towns split across lots: ${esc(split.join('; '))}.</p>` : '') +
    (d.project.syntheticUsers ? '<p class="note warn">The service users in this example are generated, not real people.</p>' : '') +
    lotTable(d) +
    `<footer class="page-foot">${esc(AGGREGATES_NOTE)} ${d.project.attribution.map(esc).join(' · ')}</footer>` +
    '</section>'
  );
}

export function lotReportFrom(data: ExportData, options: LotReportOptions = {}): string {
  const s: Report = { ...reportMaps(data, options.generatedAt ?? new Date()), sectors: sectorAreas(data) };
  const title = `Lot report: ${data.project.name}, ${data.scenario.name}`;
  return (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${esc(REPORT_CSP)}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>` +
    (options.omitStyles ? '' : `<style>${REPORT_CSS}</style>`) +
    '</head><body>' +
    coverPage(s) +
    data.scenario.zones.map((_, z) => lotPage(s, asZone(z))).join('') +
    '</body></html>'
  );
}

/** The lot report as one standalone HTML document. */
export function lotReport(project: Project, scenario: Scenario, settings: ScoreSettings, options: LotReportOptions = {}): string {
  return lotReportFrom(exportData(project, scenario, settings), options);
}
