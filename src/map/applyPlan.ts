// Zone colours, zone edges and locks as feature-state. Only the units given are
// touched (and the borders around them), so a paint stroke costs what it changes.
import type { Map as MapLibre } from 'maplibre-gl';
import { allUnits, asUnit, type UnitIndex } from '../../solver/model';
import type { Project } from '../model/project';
import type { Scenario } from '../model/scenario';
import { isUnitLocked } from '../model/scenario';
import { SOURCES } from './mapStyle';

/** Border indices touching each unit, built once per project. */
export function bordersByUnit(project: Project): number[][] {
  const out: number[][] = Array.from({ length: project.model.units.count }, () => []);
  project.borders.forEach((b, i) => {
    out[b.a].push(i);
    if (b.b >= 0) out[b.b].push(i);
  });
  return out;
}

export function applyScenario(
  map: MapLibre,
  project: Project,
  byUnit: number[][],
  s: Scenario,
  units: Iterable<UnitIndex>,
) {
  const borders = new Set<number>();
  for (const u of units) {
    const z = s.zoneOf[u];
    map.setFeatureState(
      { source: SOURCES.units, id: u },
      { colour: z >= 0 ? (s.zones[z].colour ?? null) : null, locked: isUnitLocked(s, u) },
    );
    for (const i of byUnit[u]) borders.add(i);
  }
  for (const i of borders) {
    const b = project.borders[i];
    if (b.b < 0) continue;
    map.setFeatureState({ source: SOURCES.borders, id: i }, { zoneEdge: s.zoneOf[b.a] !== s.zoneOf[b.b] });
  }
}

/** Units whose drawn state differs between two scenarios. */
export function unitsToRedraw(prev: Scenario, next: Scenario): Iterable<UnitIndex> {
  const n = next.zoneOf.length;
  const coloursChanged =
    prev.zones.length !== next.zones.length || prev.zones.some((z, i) => z.colour !== next.zones[i].colour);
  const zoneLocksChanged = prev.lockedZones.some((l, i) => l !== next.lockedZones[i]);
  if (coloursChanged || zoneLocksChanged || prev.zoneOf.length !== n) return allUnits(n);
  const out: UnitIndex[] = [];
  for (let u = asUnit(0); u < n; u++) {
    if (prev.zoneOf[u] !== next.zoneOf[u] || prev.lockedUnits[u] !== next.lockedUnits[u]) out.push(u);
  }
  return out;
}
