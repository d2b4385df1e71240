// A slow, obvious scorer for a few figures, written apart from solver/score, so
// property tests do not only compare the module with itself.
import type { CountyModel, ZoneIndex } from '../../../solver/model';
import { haversineMetres } from '../../../solver/travel';

export interface ReferenceFigures {
  units: number;
  hours: number;
  pieces: number;
  perimeterKm: number;
  baseMetres: number | null;
  centreMetres: number | null;
}

export function referenceFigures(model: CountyModel, zoneOf: Int32Array, z: ZoneIndex, circuity: number): ReferenceFigures {
  const { units, demand } = model;
  const inZone = Array.from({ length: units.count }, (_, u) => u).filter((u) => zoneOf[u] === z);
  const hours = inZone.reduce((s, u) => s + demand.hours[u], 0);

  // Pieces by union-find over same-zone edges.
  const parent = new Map(inZone.map((u) => [u, u]));
  const root = (u: number): number => (parent.get(u) === u ? u : root(parent.get(u)!));
  let perimeterKm = inZone.reduce((s, u) => s + units.perimeterKm[u], 0);
  for (const u of inZone) {
    for (let k = units.adjacency.offsets[u]; k < units.adjacency.offsets[u + 1]; k++) {
      const v = units.adjacency.neighbours[k];
      if (zoneOf[v] !== z) continue;
      perimeterKm -= units.adjacency.sharedKm[k]; // each shared border is seen from both sides
      parent.set(root(u), root(v));
    }
  }
  const pieces = new Set(inZone.map(root)).size;

  const bases = model.bases.filter((b) => b.zone === z);
  const weighted = (metresTo: (u: number) => number) =>
    hours > 0 ? inZone.reduce((s, u) => s + demand.hours[u] * metresTo(u), 0) / hours : null;
  const baseMetres =
    bases.length === 0
      ? null
      : weighted((u) => Math.min(...bases.map((b) => haversineMetres(b.lon, b.lat, units.lon[u], units.lat[u]))) * circuity);
  const cLon = inZone.reduce((s, u) => s + demand.hours[u] * units.lon[u], 0) / hours;
  const cLat = inZone.reduce((s, u) => s + demand.hours[u] * units.lat[u], 0) / hours;
  const centreMetres = weighted((u) => haversineMetres(cLon, cLat, units.lon[u], units.lat[u]) * circuity);
  return { units: inZone.length, hours, pieces, perimeterKm, baseMetres, centreMetres };
}
