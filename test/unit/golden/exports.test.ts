// Golden files for the exports: each project in test/fixtures/golden/exports/in/ is
// opened as the app opens a project file, and every export of each of its scenarios
// must equal out/<project file>/<scenario id>/<file name the app gives it>. GeoJSON is
// compared pretty-printed, so a diff of out/ is readable (the app writes it compact);
// CSV is compared byte for byte. UPDATE_GOLDEN=1 rewrites out/ (see test/support/golden.ts).
import { describe, expect, it } from 'vitest';
import { exportData } from '../../../src/export/exportData';
import { EXPORTS, exportFileName } from '../../../src/export/files';
import { readProjectFile } from '../../../src/state/projectFile';
import { expectGolden, expectNoStaleGolden, goldenInputs, goldenJson } from '../../support/golden';

const SUITE = 'exports';
// The lot report carries the date it was made; its content is tested in lotReport.test.ts.
const KINDS = EXPORTS.filter((e) => e.kind !== 'report');

describe('exports', () => {
  const inputs = goldenInputs(SUITE).filter((i) => i.file.endsWith('.carezones.json'));
  const cases = inputs.flatMap((input) => {
    const w = readProjectFile(input.text());
    return w.scenarios.flatMap((scenario) =>
      KINDS.map((spec) => ({ input, w, scenario, spec, out: `${input.file}/${scenario.id}/${exportFileName(spec, scenario.name)}` })),
    );
  });

  it('has a case for every export of every scenario', () => {
    expect(inputs.length).toBeGreaterThan(0);
    expect(cases.length).toBe(inputs.reduce((n, i) => n + readProjectFile(i.text()).scenarios.length, 0) * KINDS.length);
  });

  it.each(cases.map((c) => [c.out, c] as const))('%s', (_out, c) => {
    const text = c.spec.build(exportData(c.w.project, c.scenario, c.w.settings));
    expectGolden(SUITE, c.out, c.spec.extension === 'geojson' ? goldenJson(JSON.parse(text)) : text);
  });

  it('has no output left from a removed input or scenario', () => {
    expectNoStaleGolden(SUITE, cases.map((c) => c.out));
  });
});
