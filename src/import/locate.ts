// Finding the unit a point falls in. Polygon units: a KDBush index of unit
// bounding-box centres narrows the candidates, then turf's point-in-polygon
// decides. Points just outside every unit (coastal postcodes against a
// simplified coastline) snap to the nearest unit within a small distance.
// Hexagon units: the H3 cell of the point.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import KDBush from 'kdbush';
import { bbox, booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import type { ImportedUnits } from './units';

export interface Located {
  /** Unit index, or -1 when the point is outside every unit. */
  unit: number;
  /** Distance to the unit when the point was snapped to it (outside all units), else 0. */
  snappedKm: number;
}

export interface UnitLocator {
  locate(lon: number, lat: number): Located;
}

/** Default snapping distance for points just outside all units. */
export const SNAP_KM = 1;

/** Degrees of latitude per km, and a safe bound for longitude degrees at UK latitudes (cos 61° ≈ 0.48). */
const LAT_DEG_PER_KM = 1 / 111.2;
const LON_DEG_PER_KM = 1 / (111.2 * 0.48);

export class PolygonLocator implements UnitLocator {
  private readonly boxes: Float64Array;
  private readonly index: KDBush;
  private readonly halfWidth: number;
  private readonly halfHeight: number;

  constructor(
    private readonly features: ReadonlyArray<Feature<Polygon | MultiPolygon>>,
    private readonly snapKm = SNAP_KM,
  ) {
    const n = features.length;
    this.boxes = new Float64Array(n * 4);
    this.index = new KDBush(Math.max(1, n));
    let hw = 0;
    let hh = 0;
    features.forEach((f, u) => {
      const [w, s, e, nn] = bbox(f);
      this.boxes.set([w, s, e, nn], u * 4);
      this.index.add((w + e) / 2, (s + nn) / 2);
      hw = Math.max(hw, (e - w) / 2);
      hh = Math.max(hh, (nn - s) / 2);
    });
    if (n === 0) this.index.add(NaN, NaN);
    this.index.finish();
    this.halfWidth = hw;
    this.halfHeight = hh;
  }

  /** Units whose box, grown by (dx, dy) degrees, contains the point. */
  private candidates(lon: number, lat: number, dx: number, dy: number): number[] {
    const ids = this.index.range(lon - this.halfWidth - dx, lat - this.halfHeight - dy, lon + this.halfWidth + dx, lat + this.halfHeight + dy);
    const b = this.boxes;
    return ids
      .filter((u) => lon >= b[u * 4] - dx && lon <= b[u * 4 + 2] + dx && lat >= b[u * 4 + 1] - dy && lat <= b[u * 4 + 3] + dy)
      .sort((x, y) => x - y);
  }

  locate(lon: number, lat: number): Located {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { unit: -1, snappedKm: 0 };
    const point = [lon, lat];
    for (const u of this.candidates(lon, lat, 0, 0)) {
      if (booleanPointInPolygon(point, this.features[u])) return { unit: u, snappedKm: 0 };
    }
    let best = -1;
    let bestKm = this.snapKm;
    for (const u of this.candidates(lon, lat, this.snapKm * LON_DEG_PER_KM, this.snapKm * LAT_DEG_PER_KM)) {
      const km = pointToPolygonDistance(point, this.features[u], { units: 'kilometers' });
      if (km <= bestKm) {
        bestKm = km;
        best = u;
      }
    }
    return { unit: best, snappedKm: best < 0 ? 0 : bestKm };
  }
}

export class H3Locator implements UnitLocator {
  private readonly index: Map<string, number>;
  constructor(cells: readonly string[], private readonly resolution: number) {
    this.index = new Map(cells.map((c, i) => [c, i]));
  }
  locate(lon: number, lat: number): Located {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { unit: -1, snappedKm: 0 };
    return { unit: this.index.get(latLngToCell(lat, lon, this.resolution)) ?? -1, snappedKm: 0 };
  }
}

/**
 * Units by id in upper case. A postcode lookup names each postcode's LSOA, found by the ONS on the
 * full-resolution boundaries; when the units are those LSOAs, that code places the postcode more
 * surely than testing its point against a generalised boundary file (the ONS's own generalised
 * LSOAs put about one postcode in twelve in a neighbouring LSOA).
 */
export function unitsById(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, u) => [id.toUpperCase(), u]));
}

/** The unit a lookup's LSOA code names, or -1 when it names none of the units. */
export function unitOfLsoa(byId: ReadonlyMap<string, number>, lsoa: string | undefined): number {
  return lsoa ? (byId.get(lsoa.toUpperCase()) ?? -1) : -1;
}

/** The right locator for units built by units.ts (polygons) or hexUnits.ts (H3 cells). */
export function locatorFor(imported: Pick<ImportedUnits, 'geo' | 'units' | 'h3Resolution'>): UnitLocator {
  return imported.h3Resolution === null
    ? new PolygonLocator(imported.geo.features)
    : new H3Locator(imported.units.ids, imported.h3Resolution);
}
