// The export CLI on a saved project file: all files written, clear errors.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExportCli } from '../../../src/cli/export';
import { writeProjectFile } from '../../../src/state/projectFile';
import { project, scenario, settings } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'carezones-export-'));
const file = join(dir, 'project.json');
const second = { ...scenario, id: 's2', name: 'Option B / draft', zoneOf: Int32Array.from(scenario.zoneOf) };
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(file, writeProjectFile({ project, scenarios: [scenario, second], currentId: scenario.id, baselineId: null, settings }));

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runExportCli(argv, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run export', () => {
  it('writes every export of the current scenario', () => {
    const out = join(dir, 'out');
    const r = run('--project', file, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'carezones-lot-report-current-zones.html',
      'carezones-lots-current-zones.csv',
      'carezones-postcode-districts-current-zones.csv',
      'carezones-postcode-sectors-current-zones.csv',
      'carezones-units-current-zones.geojson',
      'carezones-zones-current-zones.geojson',
    ]);
    expect(JSON.parse(readFileSync(join(out, 'carezones-zones-current-zones.geojson'), 'utf8')).features).toHaveLength(12);
  });

  it('exports a scenario chosen by name', () => {
    const r = run('--project', file, '--out', join(dir, 'b'), '--scenario', 'Option B / draft');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'b'))).toContain('carezones-zones-option-b-draft.geojson');
  });

  it('fails with a message and a non-zero code on bad arguments or files', () => {
    expect(run('--out', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/missing --project[\s\S]*usage/) });
    expect(run('--project', file)).toMatchObject({ code: 2, err: expect.stringMatching(/missing --out/) });
    expect(run('--project', file, '--out', dir, '--colour', 'x')).toMatchObject({ code: 2, err: expect.stringMatching(/--colour/) });
    expect(run('--project', join(dir, 'nope.json'), '--out', dir)).toMatchObject({ code: 1, err: expect.stringMatching(/cannot read .*ENOENT/) });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": "something else"}');
    expect(run('--project', bad, '--out', dir)).toMatchObject({ code: 1, err: expect.stringMatching(/not a carezones project/) });
    expect(run('--project', file, '--out', dir, '--scenario', 'Nope')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no scenario named "Nope".*"Current zones", "Option B \/ draft"/),
    });
  });
});
