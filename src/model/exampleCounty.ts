// The example counties the app ships (built by data/build/build-counties.ts into
// data/counties/<county>/). Pure: takes the file texts, returns a Project, so node
// tests and the browser build them the same way.
import Papa from 'papaparse';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { addUserDemand, asUnit, asZone, emptyDemand, Rurality, UNASSIGNED, type Base, type Town, type Zone, type ZoneIndex } from '../../solver/model';
import { assembleProject } from './assembleProject';
import { ruralityFromRuc } from './rurality';
import type { Project } from './project';

export type ExampleCounty = 'lincolnshire' | 'norfolk';

export interface ExampleCountyInfo {
  /** What the county picker shows. */
  label: string;
  /** The project name, which says the users are synthetic. */
  projectName: string;
  /** What in the example is constructed rather than real, for the map attribution. */
  constructed: string;
}

export const EXAMPLE_COUNTIES: Record<ExampleCounty, ExampleCountyInfo> = {
  lincolnshire: {
    label: 'Lincolnshire',
    projectName: 'Lincolnshire (embedded example, synthetic service users)',
    constructed: 'Example: real LSOAs and postcodes; zones and capacities constructed; service users synthetic',
  },
  norfolk: {
    label: 'Norfolk',
    projectName: 'Norfolk (example, PCN-like zones, synthetic service users)',
    constructed: 'Example: real LSOAs and postcodes; PCN-like zones and capacities constructed; service users synthetic',
  },
};

export const EXAMPLE_COUNTY_KEYS = Object.keys(EXAMPLE_COUNTIES) as ExampleCounty[];

/** The files of one example county in data/counties/<county>/, by role. */
export const EXAMPLE_COUNTY_FILES = {
  units: 'units.geojson',
  zoneSectors: 'zone-sectors.csv',
  bases: 'provider-bases.csv',
  users: 'service-users.csv',
  postcodes: 'postcodes.csv',
  towns: 'towns.csv',
} as const;

export type ExampleCountyTexts = Record<keyof typeof EXAMPLE_COUNTY_FILES, string>;

/** The county's published rate scheme, as partial score settings (read with the project file's settings reader). */
export const EXAMPLE_SETTINGS_FILE = 'settings.json';

type Row = Record<string, string>;
const csv = (text: string): Row[] => Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;

const OPEN_DATA_ATTRIBUTION = [
  'Source: Office for National Statistics licensed under the Open Government Licence v.3.0',
  'Contains OS data © Crown copyright and database right 2011-2014',
  'Contains Royal Mail data © Royal Mail copyright and database right 2014',
];

export function buildExampleCounty(county: ExampleCounty, texts: ExampleCountyTexts): Project {
  const info = EXAMPLE_COUNTIES[county];
  const features = (JSON.parse(texts.units) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>).features;
  const index = new Map(features.map((f, i) => [String(f.properties.id), asUnit(i)]));
  const towns: Town[] = csv(texts.towns).map((t) => ({ name: t.name, lon: Number(t.longitude), lat: Number(t.latitude) }));
  const townIndex = new Map(towns.map((t, i) => [t.name, i]));

  // Zones in the order the council numbers them; units take their main sector's zone.
  const zones: Zone[] = [];
  const zoneIndex = new Map<string, ZoneIndex>();
  const sectorZone = new Map<string, number>();
  for (const r of csv(texts.zoneSectors)) {
    if (!zoneIndex.has(r.zone)) {
      zoneIndex.set(r.zone, asZone(zones.length));
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
    if (i === undefined) throw new Error(`${info.label} example data: postcode ${u.postcode} of ${u.id} is not in postcodes.csv`);
    addUserDemand(demand, i, { hours: Number(u.weekly_hours), carers: u.carers === '2' ? 2 : 1, waiting: u.waiting === 'yes' });
  }

  return assembleProject({
    name: info.projectName,
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
    attribution: [...OPEN_DATA_ATTRIBUTION, info.constructed],
    syntheticUsers: true,
  });
}
