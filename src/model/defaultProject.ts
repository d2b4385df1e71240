// The embedded Lincolnshire-shaped county the app opens on (built by
// data/build/build-default.ts). Pure: takes the file texts, returns a Project,
// so node tests and the browser build it the same way.
import Papa from 'papaparse';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { addUserDemand, emptyDemand, Rurality, UNASSIGNED, type Base, type Town, type Zone } from '../../solver/model';
import { assembleProject } from './assembleProject';
import { ruralityFromRuc } from './rurality';
import type { Project } from './project';

export interface DefaultDataTexts {
  units: string;
  zoneSectors: string;
  bases: string;
  users: string;
  postcodes: string;
  towns: string;
}

type Row = Record<string, string>;
const csv = (text: string): Row[] => Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;

export const DEFAULT_ATTRIBUTION = [
  'Source: Office for National Statistics licensed under the Open Government Licence v.3.0',
  'Contains OS data © Crown copyright and database right 2011-2014',
  'Contains Royal Mail data © Royal Mail copyright and database right 2014',
];

export function buildDefaultProject(texts: DefaultDataTexts): Project {
  const features = (JSON.parse(texts.units) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>).features;
  const index = new Map(features.map((f, i) => [String(f.properties.id), i]));
  const towns: Town[] = csv(texts.towns).map((t) => ({ name: t.name, lon: Number(t.longitude), lat: Number(t.latitude) }));
  const townIndex = new Map(towns.map((t, i) => [t.name, i]));

  // Zones in the order the council numbers them; units take their main sector's zone.
  const zones: Zone[] = [];
  const zoneIndex = new Map<string, number>();
  const sectorZone = new Map<string, number>();
  for (const r of csv(texts.zoneSectors)) {
    if (!zoneIndex.has(r.zone)) {
      zoneIndex.set(r.zone, zones.length);
      zones.push({ id: r.zone, name: r.zone_name });
    }
    sectorZone.set(r.sector, zoneIndex.get(r.zone)!);
  }
  const zoneOf = Int32Array.from(features, (f) => sectorZone.get(String(f.properties.sector)) ?? UNASSIGNED);

  const bases: Base[] = csv(texts.bases).map((b) => ({
    id: b.id,
    name: b.name,
    lon: Number(b.longitude),
    lat: Number(b.latitude),
    capacityHours: Number(b.capacity_hours),
    zone: zoneIndex.get(b.zone) ?? UNASSIGNED,
  }));

  // Users are placed by the LSOA of their postcode.
  const unitOfPostcode = new Map(csv(texts.postcodes).map((p) => [p.postcode, index.get(p.lsoa11cd)]));
  const demand = emptyDemand(features.length);
  for (const u of csv(texts.users)) {
    const i = unitOfPostcode.get(u.postcode);
    if (i === undefined) throw new Error(`default data: postcode ${u.postcode} of ${u.id} is not in postcodes.csv`);
    addUserDemand(demand, i, { hours: Number(u.weekly_hours), carers: u.carers === '2' ? 2 : 1, waiting: u.waiting === 'yes' });
  }

  return assembleProject({
    name: 'Lincolnshire (embedded example, synthetic service users)',
    units: features.map((f) => {
      const p = f.properties;
      const r = ruralityFromRuc(String(p.ruc11cd)) ?? { rurality: Rurality.Urban, sparse: false };
      return {
        id: String(p.id),
        name: String(p.name),
        geometry: f.geometry,
        lon: Number(p.centroid_lon),
        lat: Number(p.centroid_lat),
        rurality: r.rurality,
        sparse: r.sparse,
        ruc: String(p.ruc11cd),
        town: townIndex.get(String(p.town)) ?? -1,
        sectors: (p.sectors ?? {}) as Record<string, number>,
      };
    }),
    demand,
    zones,
    bases,
    towns,
    plan: { zoneOf },
    attribution: DEFAULT_ATTRIBUTION,
    syntheticUsers: true,
  });
}
