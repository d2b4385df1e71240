// Unit-to-zone GeoJSON: every unit polygon with its zone and figures, so a GIS
// user can check any boundary unit by unit. Units in no zone have zone_id null;
// a unit with fewer users than the privacy minimum has its figures withheld.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { asUnit, RURALITY_NAMES, type Rurality } from '../../solver/model';
import { rateReason, type ScoreSettings } from '../../solver/score';
import type { Project } from '../model/project';
import type { Scenario } from '../model/scenario';
import { exportData, round, type ExportData } from './exportData';
import { normaliseGeometry } from './geometry';
import { shownReasons, unitFiguresShown } from './privacy';

export interface UnitProperties {
  unit_id: string;
  unit_name: string;
  zone_id: string | null;
  zone_name: string | null;
  /** Null when withheld: the unit has fewer service users than the privacy minimum. */
  users: number | null;
  weekly_hours: number | null;
  figures_withheld: boolean;
  rurality: string;
  /** ONS RUC11 code, "" when rurality came from density. */
  ruc: string;
  sparse: boolean;
  extra_rural: boolean;
  /** Why the unit earns the extra-rural rate, joined with "; " ("" when it does not). */
  extra_rural_reasons: string;
  /** The unit's hourly rate under the rate scheme, £. */
  hourly_rate: number;
  /** The rate's band or class ("Band 2", "Rural"). */
  rate_category: string;
  /** Why: "Band 2: 4.1 miles from Aylsham". */
  rate_reason: string;
}

export function unitFeatureCollection(data: ExportData): FeatureCollection<Polygon | MultiPolygon, UnitProperties> {
  const { units, demand } = data.model;
  const reasons = new Map(data.score.extraRural.flags.map((f) => [f.unit, shownReasons(data, f).join('; ')]));
  const { rates } = data.score;
  const features = data.project.unitGeo.features.map((f, i): Feature<Polygon | MultiPolygon, UnitProperties> => {
    const u = asUnit(i);
    const z = data.plan.zoneOf[u];
    const zone = z >= 0 ? data.scenario.zones[z] : null;
    const shown = unitFiguresShown(data, u);
    return {
      type: 'Feature',
      id: units.ids[u],
      geometry: normaliseGeometry(f.geometry),
      properties: {
        unit_id: units.ids[u],
        unit_name: units.names[u],
        zone_id: zone?.id ?? null,
        zone_name: zone?.name ?? null,
        users: shown ? round(demand.users[u]) : null,
        weekly_hours: shown ? round(demand.hours[u]) : null,
        figures_withheld: !shown,
        rurality: RURALITY_NAMES[units.rurality[u] as Rurality] ?? '',
        ruc: units.ruc[u],
        sparse: units.sparse[u] === 1,
        extra_rural: data.score.extraRural.flagged[u] === 1,
        extra_rural_reasons: reasons.get(u) ?? '',
        hourly_rate: rates.rate[u],
        rate_category: rates.categories[rates.category[u]],
        rate_reason: rateReason(data.model, rates, u),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** The unit GeoJSON file text. */
export function unitGeojson(project: Project, scenario: Scenario, settings: ScoreSettings): string {
  return JSON.stringify(unitFeatureCollection(exportData(project, scenario, settings)));
}
