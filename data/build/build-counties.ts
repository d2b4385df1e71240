// Builds the example counties (data/counties/<county>/) from the open data in
// data/source/. Deterministic: same sources and seeds, same bytes out.
//
//   npm run data
//
// Every county is built the same way from its design (lincolnshire.ts, norfolk.ts).
// What is real: the county's 2011 LSOAs with their ONS rural-urban class and 2019
// population, postcodes and their locations, town points.
// What is constructed: the zone plan (councils' zone maps are not public), the
// provider bases' capacities, and every service user (SYNTHETIC: no real people).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { seededRandom } from '../../solver/random';
import { haversineMetres } from '../../solver/travel';
import type { CountyDesign } from './countyDesign';
import { LINCOLNSHIRE } from './lincolnshire';
import { NORFOLK } from './norfolk';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = join(here, '..', 'source');
const COUNTIES = join(here, '..', 'counties');

type Row = Record<string, string>;
const readCsv = (file: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(SRC, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const km = (lon1: number, lat1: number, lon2: number, lat2: number) => haversineMetres(lon1, lat1, lon2, lat2) / 1000;
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function buildCounty(design: CountyDesign) {
  const OUT = join(COUNTIES, design.key);
  const writeCsv = (file: string, rows: Array<Record<string, string | number>>) =>
    writeFileSync(join(OUT, file), Papa.unparse(rows, { newline: '\n' }) + '\n');
  const rand = seededRandom(design.seed);
  mkdirSync(OUT, { recursive: true });

  // --- Sources ---------------------------------------------------------------
  const lsoas = JSON.parse(readFileSync(join(SRC, `${design.key}_lsoa11.geojson`), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  const postcodes = readCsv(`${design.key}_postcodes.csv`);
  const sectors = readCsv(`${design.key}_postcode_sectors.csv`);
  const towns = readCsv(`${design.key}_towns.csv`);
  const townAt = (name: string) => {
    const t = towns.find((r) => r.name === name);
    if (!t) throw new Error(`town ${name} missing from ${design.key}_towns.csv`);
    return { lon: Number(t.longitude), lat: Number(t.latitude) };
  };
  const nearestPostcode = (lon: number, lat: number) => {
    let best = postcodes[0];
    for (const p of postcodes)
      if (km(lon, lat, Number(p.longitude), Number(p.latitude)) < km(lon, lat, Number(best.longitude), Number(best.latitude))) best = p;
    return best.postcode;
  };
  const sectorAt = (code: string) => {
    const s = sectors.find((r) => r.sector === code);
    if (!s) throw new Error(`sector ${code} missing`);
    return { lon: Number(s.longitude), lat: Number(s.latitude) };
  };

  // --- Bases: one per zone, at the real town ------------------------------------
  const bases = design.zones.map((z) => ({ ...z, ...(z.town ? townAt(z.town) : sectorAt(z.sector!)) }));

  // --- Current plan as a postcode-sector list ------------------------------------
  // Each sector goes to the zone whose base is nearest after subtracting that
  // zone's "reach" (an additively weighted Voronoi: rural bases reach further),
  // then the overrides add the faults the council reports describe.
  const sectorZone = new Map<string, string>();
  for (const s of sectors) {
    let best = bases[0];
    let bestScore = Infinity;
    for (const b of bases) {
      const score = km(Number(s.longitude), Number(s.latitude), b.lon, b.lat) - b.reachKm;
      if (score < bestScore) {
        bestScore = score;
        best = b;
      }
    }
    sectorZone.set(s.sector, best.zone);
  }
  for (const [sector, zone] of Object.entries(design.sectorOverrides)) {
    if (!sectorZone.has(sector)) throw new Error(`override sector ${sector} unknown`);
    if (!design.zones.some((z) => z.zone === zone)) throw new Error(`override zone ${zone} unknown`);
    sectorZone.set(sector, zone);
  }

  // --- Units: LSOAs, each with its main postcode sector and town -----------------
  const postcodesByLsoa = new Map<string, Row[]>();
  for (const p of postcodes) {
    const list = postcodesByLsoa.get(p.lsoa11cd) ?? [];
    list.push(p);
    postcodesByLsoa.set(p.lsoa11cd, list);
  }
  /** Live postcodes per sector inside the LSOA, most first. */
  const sectorCounts = (lsoa: string): Array<[string, number]> => {
    const counts = new Map<string, number>();
    for (const p of postcodesByLsoa.get(lsoa) ?? []) counts.set(p.sector, (counts.get(p.sector) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  // A unit is part of a town's built-up area when it is urban (or rural town and
  // fringe) and its centre lies within the town's radius, nearest town first.
  const townOf = (lon: number, lat: number, ruc: string) => {
    if (!/^[CD]/.test(ruc)) return '';
    let best = '';
    let bestKm = Infinity;
    for (const t of towns) {
      const d = km(lon, lat, Number(t.longitude), Number(t.latitude));
      const radius = t.type === 'city' ? design.townRadiusKm.city : design.townRadiusKm.town;
      if (d <= radius && d < bestKm) {
        bestKm = d;
        best = t.name;
      }
    }
    return best;
  };
  const units = lsoas.features.map((f) => {
    const p = f.properties!;
    const sectors = sectorCounts(p.lsoa11cd);
    if (sectors.length === 0) throw new Error(`LSOA ${p.lsoa11cd} holds no postcode`);
    const sector = sectors[0][0];
    return {
      type: 'Feature' as const,
      properties: {
        id: p.lsoa11cd as string,
        name: p.lsoa11nm as string,
        district: p.lad_name as string,
        ruc11cd: p.ruc11cd as string,
        pop2019: p.pop2019 as number,
        sector,
        sectors: Object.fromEntries(sectors),
        town: townOf(p.centroid_lon, p.centroid_lat, p.ruc11cd),
        centroid_lon: round5(p.centroid_lon),
        centroid_lat: round5(p.centroid_lat),
      },
      geometry: f.geometry,
    };
  });
  units.sort((a, b) => a.properties.id.localeCompare(b.properties.id));

  // --- Synthetic service users ----------------------------------------------------
  // People needing home care are mostly old; rural and coastal areas are older, so
  // the draw weights population up there. Hours per person average about 10 a week.
  const unitWeight = units.map((u) => {
    const ruc = u.properties.ruc11cd;
    let w = u.properties.pop2019;
    if (/^[DE]/.test(ruc)) w *= design.ruralWeight;
    if (/2$/.test(ruc)) w *= design.sparseWeight;
    w *= design.districtWeight[u.properties.district] ?? 1;
    return w;
  });
  const totalWeight = unitWeight.reduce((a, b) => a + b, 0);
  const cumulative = unitWeight.map(
    (
      (sum) => (w: number) =>
        (sum += w / totalWeight)
    )(0),
  );
  const pickUnit = () => {
    const r = rand();
    const i = cumulative.findIndex((c) => c >= r);
    return units[i === -1 ? units.length - 1 : i];
  };
  const zoneOfUnit = (u: (typeof units)[number]) => sectorZone.get(u.properties.sector)!;
  const baseOfZone = new Map(bases.map((b) => [b.zone, b]));

  const users: Array<Record<string, string | number>> = [];
  for (let i = 0; i < design.targetUsers; i++) {
    const unit = pickUnit();
    const pcs = postcodesByLsoa.get(unit.properties.id)!;
    const pc = pcs[Math.floor(rand() * pcs.length)];
    const doubleHanded = rand() < design.doubleHandedShare;
    // Skewed hours: many short packages, a tail of large ones (2 to 56 h a week).
    const base = Math.exp(Math.log(7) + 0.75 * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()));
    const hours = Math.min(56, Math.max(2, Math.round(base * (doubleHanded ? 1.5 : 1) * 2) / 2));
    // Waiting: more likely far from the base and in small villages, where
    // providers struggle to staff short, scattered calls.
    const b = baseOfZone.get(zoneOfUnit(unit))!;
    const dKm = km(Number(pc.longitude), Number(pc.latitude), b.lon, b.lat);
    const ruc = unit.properties.ruc11cd;
    const pWait =
      0.01 + 0.0045 * Math.max(0, dKm - 6) + (/^E/.test(ruc) ? 0.05 : 0) + (/2$/.test(ruc) ? 0.05 : 0) + b.extraWait;
    users.push({
      id: `SU${String(i + 1).padStart(5, '0')}`,
      postcode: pc.postcode,
      weekly_hours: hours,
      carers: doubleHanded ? 2 : 1,
      waiting: rand() < pWait ? 'yes' : 'no',
    });
  }

  // --- Capacities follow the plan's hours (short-staffed zones fall short) ------------
  const unitById = new Map(units.map((u) => [u.properties.id, u]));
  const lsoaOfPostcode = new Map(postcodes.map((p) => [p.postcode, p.lsoa11cd]));
  const zoneOfUser = (u: Record<string, string | number>) =>
    zoneOfUnit(unitById.get(lsoaOfPostcode.get(u.postcode as string)!)!);
  const zoneHours = new Map<string, number>();
  for (const u of users) zoneHours.set(zoneOfUser(u), (zoneHours.get(zoneOfUser(u)) ?? 0) + Number(u.weekly_hours));
  const round50 = (h: number) => Math.round(h / 50) * 50;
  const baseRows = bases.flatMap((b) => {
    const hours = (zoneHours.get(b.zone) ?? 0) * (design.capacityFactor[b.zone] ?? 1.1);
    const capacity = design.shortStaffed.has(b.zone) ? hours : Math.max(hours, design.capacityFloor);
    const id = `B${b.zone.padStart(2, '0')}`;
    const principal = {
      id,
      name: b.baseName,
      postcode: b.postcode ?? nearestPostcode(b.lon, b.lat),
      latitude: b.lat,
      longitude: b.lon,
      capacity_hours: round50(b.frameworkTown ? capacity * design.principalShare : capacity),
      zone: b.zone,
    };
    if (!b.frameworkTown) return [principal];
    const f = townAt(b.frameworkTown);
    return [
      principal,
      {
        id: `${id}F`,
        name: `${b.name} framework providers`,
        postcode: nearestPostcode(f.lon, f.lat),
        latitude: f.lat,
        longitude: f.lon,
        capacity_hours: round50(capacity * (1 - design.principalShare)),
        zone: b.zone,
      },
    ];
  });

  // --- Write ------------------------------------------------------------------
  writeFileSync(
    join(OUT, 'units.geojson'),
    '{"type":"FeatureCollection","features":[\n' + units.map((u) => JSON.stringify(u)).join(',\n') + '\n]}\n',
  );
  writeCsv(
    'zone-sectors.csv',
    [...sectorZone.entries()]
      .sort((a, b) => Number(a[1]) - Number(b[1]) || a[0].localeCompare(b[0], 'en', { numeric: true }))
      .map(([sector, zone]) => ({ zone, zone_name: design.zones.find((z) => z.zone === zone)!.name, sector })),
  );
  writeCsv('provider-bases.csv', baseRows);
  writeCsv('service-users.csv', users);
  const used = new Set(users.map((u) => u.postcode as string));
  writeCsv(
    'postcodes.csv',
    postcodes
      .filter((p) => used.has(p.postcode))
      .map((p) => ({ postcode: p.postcode, latitude: p.latitude, longitude: p.longitude, lsoa11cd: p.lsoa11cd })),
  );
  writeCsv(
    'towns.csv',
    towns.map((t) => ({ name: t.name, type: t.type, latitude: t.latitude, longitude: t.longitude })),
  );

  const totalHours = users.reduce((s, u) => s + Number(u.weekly_hours), 0);
  console.log(`${design.key}: units ${units.length}, users ${users.length}, hours ${totalHours}`);
  const ruralHours = new Map<string, number>();
  for (const u of users) {
    const unit = unitById.get(lsoaOfPostcode.get(u.postcode as string)!)!;
    if (/^[DE]/.test(unit.properties.ruc11cd))
      ruralHours.set(zoneOfUser(u), (ruralHours.get(zoneOfUser(u)) ?? 0) + Number(u.weekly_hours));
  }
  console.table(
    design.zones.map((z) => ({
      zone: z.zone,
      name: z.name,
      sectors: [...sectorZone.values()].filter((v) => v === z.zone).length,
      units: units.filter((u) => zoneOfUnit(u) === z.zone).length,
      hours: zoneHours.get(z.zone) ?? 0,
      rural: Math.round((100 * (ruralHours.get(z.zone) ?? 0)) / (zoneHours.get(z.zone) || 1)) + '%',
      capacity: baseRows.filter((b) => b.zone === z.zone).reduce((s, b) => s + b.capacity_hours, 0),
      waiting: users.filter((u) => u.waiting === 'yes' && zoneOfUser(u) === z.zone).length,
    })),
  );
}

const only = process.argv[2];
for (const design of [LINCOLNSHIRE, NORFOLK]) if (!only || only === design.key) buildCounty(design);
