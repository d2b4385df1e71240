// The CLIs and bad geometry: a units file with a bow-tie is repaired and said,
// one with a unit drawn over another is refused (exit 1, nothing written), and
// a saved project whose units make invalid zones is exported with the problems
// listed and exit 5.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { emptyDemand } from '../../../solver/model';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score';
import { runExportCli } from '../../../src/cli/export';
import { runOptimiseCli } from '../../../src/cli/optimise';
import { assembleProject } from '../../../src/model/assembleProject';
import { scenarioFromModel } from '../../../src/model/scenario';
import { writeProjectFile } from '../../../src/state/projectFile';

const dir = mkdtempSync(join(tmpdir(), 'carezones-geometry-cli-'));
const f = (name: string) => join(dir, name);
const golden = (suite: string, name: string) => JSON.parse(readFileSync(`test/fixtures/golden/${suite}/in/${name}`, 'utf8')) as FeatureCollection<Polygon, { id: string; zone?: string }>;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { log: (l: string) => out.push(l), error: (l: string) => err.push(l) }, text: () => ({ out: out.join('\n'), err: err.join('\n') }) };
}

describe('npm run optimise on bad unit polygons', () => {
  // Four squares near Lincoln, and two service users in each.
  writeFileSync(f('users.csv'), 'id,postcode,weekly_hours,zone\n' + ['LN1 1AB', 'LN2 1LJ', 'LN5 0PU', 'LN8 2BX'].flatMap((p, i) => [`U${i}a,${p},5,1`, `U${i}b,${p},7,1`]).join('\n') + '\n');
  const run = async (units: string, out: string) => {
    const o = io();
    const code = await runOptimiseCli(['--users', f('users.csv'), '--units', units, '--score-only', '--out', f(out)], o.io);
    return { code, ...o.text() };
  };

  it('repairs a bow-tie and says so, naming the unit', async () => {
    writeFileSync(f('bowtie.geojson'), JSON.stringify(golden('geometry-in', 'bowtie.geojson')));
    const r = await run(f('bowtie.geojson'), 'bowtie');
    expect(r.err).toMatch(/warning .*Feature 4 \("D"\): its outline crosses itself near 53\.20500, -0\.54500 \(a bow-tie\); split where it crosses/);
    expect(readFileSync(f('bowtie-problems.csv'), 'utf8')).toMatch(/bow-tie/);
  });

  it('refuses a unit drawn over another: exit 1, nothing written', async () => {
    writeFileSync(f('overlap.geojson'), JSON.stringify(golden('geometry-in', 'overlap.geojson')));
    const r = await run(f('overlap.geojson'), 'overlap');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Feature 5 \("E"\): overlaps Feature 2 \("B"\) \(0\.37 km² of ground in both\)/);
    expect(existsSync(f('overlap'))).toBe(false);
  });
});

describe('npm run export of a project whose units make invalid zones', () => {
  it('writes the files, lists what is wrong with the zone outlines and exits 5', () => {
    const fc = golden('geometry-out', 'bowtie.geojson');
    const zones = ['1', '2'];
    const project = assembleProject({
      name: 'Old project',
      units: fc.features.map((x) => {
        const [lon, lat] = pointOnFeature(x).geometry.coordinates;
        return { id: x.properties.id, name: x.properties.id, geometry: x.geometry, lon, lat, rurality: 0, sparse: false, ruc: '', town: -1, sectors: {} };
      }),
      demand: emptyDemand(fc.features.length),
      zones: zones.map((id) => ({ id, name: `Zone ${id}` })), // zoneLabel: "Zone 2" once, as the id is in the name
      bases: [],
      towns: [],
      plan: { zoneOf: Int32Array.from(fc.features, (x) => zones.indexOf(x.properties.zone!)) },
      attribution: [],
      syntheticUsers: false,
    });
    const s = scenarioFromModel(project.model, project.plan, 's', 'Current zones');
    writeFileSync(f('old.json'), writeProjectFile({ project, scenarios: [s], currentId: 's', baselineId: 's', settings: DEFAULT_SCORE_SETTINGS }));
    const o = io();
    const code = runExportCli(['--project', f('old.json'), '--out', f('old')], o.io);
    expect(code).toBe(5);
    expect(o.text().err).toMatch(/warning carezones-zones-current-zones\.geojson: The outline of zone Zone 2 is not a valid polygon: crosses itself near 53\.20500, -0\.54500\./);
    expect(o.text().err).toMatch(/exit 5: the files were written/);
    expect(readdirSync(f('old'))).toContain('carezones-zones-current-zones.geojson');
  });
});
