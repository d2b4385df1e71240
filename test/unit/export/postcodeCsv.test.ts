// Postcode sector and district lists, and the lot summary: every sector once,
// the zone holding most of its postcodes, splits reported, no formula injection.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { asUnit, asZone, UNASSIGNED } from '../../../solver/model';
import { postcodeDistrictCsv, postcodeSectorCsv } from '../../../src/export/postcodeCsv';
import { lotSummaryCsv } from '../../../src/export/lotSummaryCsv';
import { paint, updateZone } from '../../../src/model/scenario';
import { allFigures, project, scenario, settings } from './fixtures';

type Row = Record<string, string>;
const parse = (text: string) => Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;

// Postcodes per sector and per zone, straight from the units.
const truth = new Map<string, Map<number, number>>();
project.unitSectors.forEach((sectors, u) => {
  for (const [sector, n] of Object.entries(sectors)) {
    const t = truth.get(sector) ?? new Map<number, number>();
    t.set(scenario.zoneOf[u], (t.get(scenario.zoneOf[u]) ?? 0) + n);
    truth.set(sector, t);
  }
});

describe('postcode sector CSV', () => {
  const rows = parse(postcodeSectorCsv(project, scenario, allFigures));

  it('lists every sector of the county once', () => {
    expect(rows.map((r) => r.postcode_sector).sort()).toEqual([...truth.keys()].sort());
  });

  it('gives each sector the zone holding most of its postcodes, and says when and how it is split', () => {
    for (const r of rows) {
      const t = truth.get(r.postcode_sector)!;
      const most = Math.max(...t.values());
      const z = scenario.zones.findIndex((zone) => zone.id === r.zone_id);
      expect(t.get(z), r.postcode_sector).toBe(most);
      expect(Number(r.postcodes)).toBe([...t.values()].reduce((a, b) => a + b, 0));
      expect(Number(r.postcodes_in_zone)).toBe(most);
      expect(r.split).toBe(t.size > 1 ? 'yes' : 'no');
      expect(r.other_zones.split('; ').filter(Boolean)).toHaveLength(t.size - 1);
    }
    expect(rows.some((r) => r.split === 'yes')).toBe(true);
  });

  it('puts each district with its postcodes summed over its sectors', () => {
    const districts = parse(postcodeDistrictCsv(project, scenario, allFigures));
    const sum = (rs: Row[]) => rs.reduce((s, r) => s + Number(r.postcodes), 0);
    expect(sum(districts)).toBe(sum(rows));
    for (const d of districts) {
      const own = rows.filter((r) => r.postcode_district === d.postcode_district);
      expect(Number(d.sectors)).toBe(own.length);
      expect(Number(d.postcodes)).toBe(sum(own));
    }
  });

  it('neutralises a zone name that is a spreadsheet formula', () => {
    const hostile = updateZone(scenario, asZone(0), { name: '=HYPERLINK("x")' });
    for (const text of [postcodeSectorCsv(project, hostile, settings), lotSummaryCsv(project, hostile, settings)]) {
      expect(text).toContain(`"'=HYPERLINK(""x"")"`);
      expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    }
  });

  it('reports postcodes in no zone as unassigned', () => {
    const sector = rows.find((r) => r.split === 'yes')!.postcode_sector;
    const inSector = project.unitSectors.flatMap((s, u) => (s[sector] ? [asUnit(u)] : []));
    const n = Number(rows.find((r) => r.postcode_sector === sector)!.postcodes);
    const none = parse(postcodeSectorCsv(project, paint(scenario, inSector, UNASSIGNED), allFigures)).find((r) => r.postcode_sector === sector)!;
    expect(none).toMatchObject({ zone_id: '', postcodes_in_zone: '0', split: 'no', other_zones: `unassigned (${n}, 100%)` });
    const part = parse(postcodeSectorCsv(project, paint(scenario, inSector.slice(0, 1), UNASSIGNED), allFigures)).find((r) => r.postcode_sector === sector)!;
    expect(part.zone_id).not.toBe('');
    expect(part.other_zones).toMatch(/unassigned \(\d+, [\d.]+%\)/);
  });
});

describe('lot summary CSV', () => {
  it('has a row per lot and a totals row that adds up', () => {
    const rows = parse(lotSummaryCsv(project, scenario, settings));
    expect(rows).toHaveLength(scenario.zones.length + 1);
    const total = rows.at(-1)!;
    expect(total.zone_id).toBe('TOTAL');
    const lots = rows.slice(0, -1);
    for (const col of ['users', 'weekly_hours', 'annual_cost', 'extra_rural_hours']) {
      expect(Number(total[col])).toBeCloseTo(lots.reduce((s, r) => s + Number(r[col]), 0), 0);
    }
    expect(lots.map((r) => r.zone_name)).toEqual(scenario.zones.map((z) => z.name));
  });
});
