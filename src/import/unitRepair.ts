// Unit polygons checked on the way in (src/model/coverage.ts finds the
// problems): what can be repaired without guessing is repaired and listed unit
// by unit, what cannot is refused with the unit and where. Safe repairs:
// - an outline that crosses itself once like a bow-tie is split where it
//   crosses (the pieces cover exactly the ground the ring encloses);
// - a hole lying outside its outline removes nothing, so it is dropped;
// - borders simplified or digitised apart (slivers of overlap and gap, no
//   shared edges) are re-joined by snapBorders, within SNAP_METRES.
// Refused (left out, an error naming the unit): a ring that loops over itself,
// a hole crossing its outline, parts overlapping, and a unit overlapping
// another by more than a sliver (the later one in the file is left out).
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { unkinkPolygon } from '@turf/turf';
import { checkCoverage, overlapOf, pairOverlaps, partsOf, type CoverageReport, type LonLat, type ShapeKind } from '../model/coverage';
import type { ProblemList } from './problems';
import { snapBorders } from './snapBorders';

type Geometry = Polygon | MultiPolygon;

/** Borders closer than this are taken to be the same border drawn apart, metres. */
export const SNAP_METRES = 20;
/** A file whose borders do not match in this share of its units or more was drawn (or simplified) apart as a whole. */
const DRAWN_APART_SHARE = 0.1;

export interface UnitLabel {
  /** Feature number in the file (1-based), as problems give rows. */
  number: number;
  id: string;
}

export interface RepairedUnits {
  geometries: Geometry[];
  /** Indices (into the input) of the units left out. */
  refused: Set<number>;
}

const where = ([lon, lat]: LonLat) => `near ${lat.toFixed(5)}, ${lon.toFixed(5)}`;
const km2 = (m2: number) => (m2 >= 1e5 ? `${(m2 / 1e6).toFixed(2)} km²` : `${Math.round(m2).toLocaleString('en-GB')} m²`);
const fromParts = (parts: Position[][][]): Geometry => (parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts });

const REFUSED: Partial<Record<ShapeKind, string>> = {
  'hole crosses outline': 'a hole crosses its outline',
  'holes cross': 'two of its holes cross',
  'parts overlap': 'two of its parts overlap',
};

/** A part whose outline crosses itself, split where it crosses; null when the pieces overlap (a ring looping over itself: which side is inside is a guess). */
function splitAtCrossings(rings: Position[][]): Position[][][] | null {
  let pieces: Position[][][];
  try {
    pieces = unkinkPolygon({ type: 'Polygon', coordinates: structuredClone(rings) }).features.map((f) => f.geometry.coordinates);
  } catch {
    return null;
  }
  if (pieces.length < 2) return null;
  const check = checkCoverage(pieces.map((p) => ({ type: 'Polygon', coordinates: p })));
  return check.shapes.length === 0 && check.nested.length === 0 && check.pairs.every((p) => p.crossings === 0 && p.inside === 0 && p.sameDirection === 0) ? pieces : null;
}


/**
 * Checks and repairs the units' geometries, reporting each repair (warning) and
 * each refusal (error) on the unit's feature number and id property.
 */
export function repairUnits(input: readonly Geometry[], labels: readonly UnitLabel[], idColumn: string, problems: ProblemList): RepairedUnits {
  const geometries = input.slice();
  const refused = new Set<number>();
  const name = (u: number) => `Feature ${labels[u].number} ("${labels[u].id}")`;
  const warn = (u: number, message: string) => problems.warning(labels[u].number, idColumn, labels[u].id, `${name(u)}: ${message}`);
  const refuse = (u: number, message: string) => {
    refused.add(u);
    problems.error(labels[u].number, idColumn, labels[u].id, `${name(u)}: ${message}; the unit is left out (fix the file in a GIS and import it again)`);
  };

  // 1. Each unit on its own.
  let report: CoverageReport = checkCoverage(geometries, { nearMetres: SNAP_METRES });
  const byUnit = new Map<number, CoverageReport['shapes']>();
  for (const s of report.shapes) byUnit.set(s.index, [...(byUnit.get(s.index) ?? []), s]);
  for (const [u, issues] of byUnit) {
    const bad = issues.find((s) => REFUSED[s.kind]);
    if (bad) {
      refuse(u, `${REFUSED[bad.kind]} ${where(bad.at)}`);
      continue;
    }
    let parts = partsOf(geometries[u]).map((rings) => rings.slice());
    for (const hole of issues.filter((s) => s.kind === 'hole outside outline')) {
      parts[hole.part][hole.ring] = [];
      warn(u, `a hole lies outside its outline ${where(hole.at)}; it removed nothing from the unit, so it is dropped`);
    }
    parts = parts.map((rings) => rings.filter((r) => r.length > 0));
    for (const cross of issues.filter((s) => s.kind === 'crosses itself')) {
      const pieces = splitAtCrossings(parts[cross.part]);
      if (!pieces) {
        refuse(u, `its outline crosses or touches itself ${where(cross.at)} in a way that leaves which side is inside to a guess`);
        break;
      }
      parts.splice(cross.part, 1, ...pieces);
      warn(u, `its outline crosses itself ${where(cross.at)} (a bow-tie); split where it crosses into ${pieces.length} polygons covering the same ground`);
    }
    for (const touch of issues.filter((s) => s.kind === 'parts touch along a line')) {
      warn(u, `two of its parts touch along a line ${where(touch.at)}; kept as they are`);
    }
    if (!refused.has(u)) geometries[u] = fromParts(parts);
  }
  if (byUnit.size > 0) report = checkCoverage(geometries, { nearMetres: SNAP_METRES });

  // 2. Between units: overlaps beyond a sliver are refused; slivers mark borders drawn apart.
  const mismatched = new Set<number>();
  const partners = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    for (const [x, y] of [[a, b], [b, a]]) {
      let set = partners.get(x);
      if (!set) partners.set(x, (set = new Set()));
      set.add(y);
    }
  };
  // Overlaps beyond a sliver: the unit overlapping the most others is left out first (one unit drawn or shifted over
  // its neighbours loses itself, not them); between two, the later. `verb` says what the unit left out does to the other.
  const beyond: Array<{ a: number; b: number; at: LonLat; verb: (left: number) => string }> = [];
  const overlaps = () => 'overlaps';
  for (const n of report.nested) beyond.push({ a: n.outer, b: n.inner, at: n.at, verb: (left) => (left === n.inner ? 'lies inside' : 'covers') });
  for (const p of report.pairs) {
    if (!pairOverlaps(p) || refused.has(p.a) || refused.has(p.b)) continue;
    if (p.sameDirection > 0) {
      beyond.push({ a: p.a, b: p.b, at: p.at, verb: overlaps });
      continue;
    }
    const o = overlapOf(geometries[p.a], geometries[p.b]);
    if (o && o.widthMetres > SNAP_METRES) {
      beyond.push({ a: p.a, b: p.b, at: p.at, verb: overlaps });
      continue;
    }
    mismatched.add(p.a).add(p.b);
    link(p.a, p.b);
  }
  for (;;) {
    const open = beyond.filter((x) => !refused.has(x.a) && !refused.has(x.b));
    if (open.length === 0) break;
    const count = new Map<number, number>();
    for (const x of open) for (const u of [x.a, x.b]) count.set(u, (count.get(u) ?? 0) + 1);
    const left = [...count].reduce((best, c) => (c[1] > best[1] || (c[1] === best[1] && c[0] > best[0]) ? c : best))[0];
    const mine = open.filter((x) => x.a === left || x.b === left);
    const others = mine.map((x) => {
      const other = x.a === left ? x.b : x.a;
      const o = overlapOf(geometries[left], geometries[other]);
      return `${name(other)}${o && Number.isFinite(o.m2) ? ` (${km2(o.m2)} of ground in both)` : ''}`;
    });
    refuse(left, `${mine[0].verb(left)} ${others.join(', ')} ${where(mine[0].at)}`);
  }
  for (const u of refused) mismatched.delete(u);
  if (mismatched.size === 0) return { geometries, refused };
  // Gaps are rivers in a file whose borders match; in a file drawn apart (borders that do not match in a tenth of its
  // units or more) they are the other half of the slivers, and closed too.
  const drawnApart = mismatched.size >= DRAWN_APART_SHARE * geometries.length;
  for (const g of report.gaps) {
    if (refused.has(g.a) || refused.has(g.b)) continue;
    if (drawnApart || (mismatched.has(g.a) && mismatched.has(g.b))) link(g.a, g.b);
  }
  for (const u of refused) partners.delete(u);
  for (const set of partners.values()) for (const u of refused) set.delete(u);

  // 3. Re-join the borders drawn apart; a unit the snap would make invalid keeps its shape.
  const snapped = snapBorders(geometries, partners, SNAP_METRES);
  const trial = geometries.map((g, u) => snapped.get(u)?.geometry ?? g);
  const kept = trial.filter((_, u) => !refused.has(u));
  const index = trial.map((_, u) => u).filter((u) => !refused.has(u));
  const after = checkCoverage(kept, { nearMetres: SNAP_METRES });
  const spoilt = new Set(after.shapes.map((s) => index[s.index]));
  for (const [u, s] of snapped) {
    const neighbours = [...(partners.get(u) ?? [])].sort((a, b) => a - b).map((v) => `"${labels[v].id}"`);
    if (spoilt.has(u)) {
      warn(u, `its border does not match its neighbours' (${neighbours.join(', ')}) vertex for vertex, and re-joining them would make it invalid; kept as it was`);
      continue;
    }
    geometries[u] = s.geometry;
    warn(u, `its border did not match its neighbours' (${neighbours.join(', ')}) vertex for vertex (simplified or drawn apart); ` +
      `re-joined by taking ${s.added} of their border points, ${s.farthestMetres < 0.05 ? 'all on its border' : `the farthest ${s.farthestMetres.toFixed(1)} m away`}`);
  }
  // What is left after the snap is a sliver (wider overlaps were refused above): said, and kept.
  const final = checkCoverage(index.map((u) => geometries[u]));
  for (const p of final.pairs) {
    if (!pairOverlaps(p)) continue;
    const [a, b] = [index[p.a], index[p.b]];
    const o = overlapOf(geometries[a], geometries[b]);
    if (o) warn(b, `still overlaps ${name(a)} by a sliver of ${km2(o.m2)} ${where(p.at)} after re-joining their borders; kept`);
  }
  return { geometries, refused };
}
