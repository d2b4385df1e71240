// The zone outlines checked on the way out: each a valid (Multi)Polygon, no two
// overlapping, and each the union of its units (same area within a tolerance,
// every unit's inside point inside it). Imports repair or refuse bad unit
// polygons, so a failure here means units that came in some other way (an old
// project file) or a fault in the dissolve: the file is still written, with the
// problems said in the app and a non-zero exit in the CLI.
import type { MultiPolygon } from 'geojson';
import { area } from '@turf/turf';
import { checkCoverage, containsPoint, overlapOf, pairOverlaps, type LonLat } from '../model/coverage';
import { zoneLabel } from '../../solver/zoneLabel';
import type { ExportData } from './exportData';

/** A zone's outline may differ from the sum of its units' areas by this share: rounding to 6 decimals moves borders by up to 5 cm (the example counties differ by 1e-12). */
export const AREA_TOLERANCE = 1e-4;

/** Ground two zones may share before it counts as an overlap (a rounding sliver is far less). */
const OVERLAP_M2 = 1;

const where = ([lon, lat]: LonLat) => `near ${lat.toFixed(5)}, ${lon.toFixed(5)}`;

/** What is wrong with the outlines (one sentence each), or nothing. `outlines[z]` is zone z's outline, null when it has no units. */
export function zoneOutlineProblems(data: ExportData, outlines: ReadonlyArray<MultiPolygon | null>): string[] {
  const zones = outlines.flatMap((g, z) => (g ? [z] : []));
  const geometries = zones.map((z) => outlines[z]!);
  const label = (i: number) => `zone ${zoneLabel(data.scenario.zones[zones[i]])}`;
  const out: string[] = [];
  const report = checkCoverage(geometries);
  for (const s of report.shapes) out.push(`The outline of ${label(s.index)} is not a valid polygon: ${s.kind} ${where(s.at)}.`);
  for (const p of report.pairs) {
    // Borders that only meet at a T share no ground; anything else is measured.
    const o = pairOverlaps(p) ? overlapOf(geometries[p.a], geometries[p.b]) : null;
    if (o && o.m2 > OVERLAP_M2) out.push(`The outlines of ${label(p.a)} and ${label(p.b)} overlap (${o.m2 < 1e5 ? `${Math.round(o.m2)} m²` : `${(o.m2 / 1e6).toFixed(2)} km²`}) ${where(p.at)}.`);
  }
  for (const n of report.nested) out.push(`The outline of ${label(n.inner)} lies inside that of ${label(n.outer)} ${where(n.at)}.`);

  const { units } = data.model;
  const unitKm2 = new Float64Array(data.scenario.zones.length);
  const outside = new Map<number, number>();
  const polygons = data.project.unitGeo.features;
  data.plan.zoneOf.forEach((z, u) => {
    if (z < 0) return;
    // The units' own polygons, measured as the outline is (the model's areas may come from elsewhere).
    unitKm2[z] += area(polygons[u].geometry) / 1e6;
    const g = outlines[z];
    if (g && !containsPoint(g, units.lon[u], units.lat[u]) && !outside.has(z)) outside.set(z, u);
  });
  zones.forEach((z, i) => {
    const km2 = area(outlines[z]!) / 1e6;
    if (Math.abs(km2 - unitKm2[z]) > AREA_TOLERANCE * unitKm2[z]) {
      out.push(`The outline of ${label(i)} covers ${km2.toFixed(2)} km² but its units cover ${unitKm2[z].toFixed(2)} km².`);
    }
    const u = outside.get(z);
    if (u !== undefined) out.push(`Unit ${units.ids[u]} of ${label(i)} is not inside the zone's outline.`);
  });
  return out;
}
