// The layout keeps its layers (docs/ARCHITECTURE.md, "Layers"): checked on every
// test run over the real import graph of src/ and solver/.
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph, layerOf, undeclaredPackages, upwardArrows, type Edge } from '../../support/importGraph';

const root = process.cwd();
const graph = importGraph(root);
const file = (from: string, to: string): Edge => ({ from, to, kind: 'file', typeOnly: false });

describe('the import graph of src/ and solver/', () => {
  it('is read in full: every module, worker entries included', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: 'src/workers/optimiser/client.ts', to: 'src/workers/optimiser/worker.ts' }));
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: 'src/workers/optimiser/worker.ts', to: 'node_modules/highs/build/highs.wasm' }));
    for (const f of graph.files) expect(layerOf(f) >= 0 || f.startsWith('solver/testing/'), `${f} is in no layer`).toBe(true);
  });

  it('has no arrow from a lower layer to a higher one', () => {
    expect(upwardArrows(graph.edges)).toEqual([]);
  });

  it('has no import circle', () => {
    expect(importCircles(graph.edges)).toEqual([]);
  });

  it('uses only the packages it ships with, and node built-ins only in the CLI', () => {
    expect(undeclaredPackages(root, graph.edges)).toEqual([]);
  });

  it('the UI and the state see a worker only through its protocol and client', () => {
    const intoWorker = graph.edges.filter((e) => /^src\/workers\/\w+\/worker\.ts$/.test(e.to) && !e.from.endsWith('/client.ts'));
    expect(intoWorker).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('catch an upward arrow, test code and test-only helpers in product code', () => {
    expect(upwardArrows([file('src/state/store.ts', 'src/map/palette.ts')])).toEqual(['src/state/store.ts (state) -> src/map/palette.ts (map)']);
    expect(upwardArrows([file('solver/score/context.ts', 'solver/optimise/fast.ts')])).toHaveLength(1);
    expect(upwardArrows([file('solver/score/context.ts', 'solver/optimise/rules.ts')])).toEqual([]);
    expect(upwardArrows([file('src/model/x.ts', 'solver/testing/syntheticCounty.ts')])).toEqual(['src/model/x.ts -> solver/testing/syntheticCounty.ts: test-only code']);
    expect(upwardArrows([file('src/ui/x.ts', 'test/support/defaultProject.ts')])).toEqual(['src/ui/x.ts -> test/support/defaultProject.ts: test code']);
  });

  it('catch a circle, through a re-export too', () => {
    const circle = importCircles([file('src/import/units.ts', 'src/import/hexUnits.ts'), file('src/import/hexUnits.ts', 'src/import/units.ts'), file('src/import/units.ts', 'src/model/a.ts')]);
    expect(circle).toEqual([['src/import/hexUnits.ts', 'src/import/units.ts']]);
  });

  it('catch a dev-only package and a node built-in in browser code', () => {
    const pkg = (from: string, to: string, typeOnly = false): Edge => ({ from, to, kind: 'package', typeOnly });
    expect(undeclaredPackages(root, [pkg('solver/lp/x.ts', 'javascript-lp-solver'), pkg('src/ui/x.ts', 'node:fs'), pkg('src/cli/x.ts', 'node:fs'), pkg('src/import/x.ts', 'geojson', true), pkg('src/map/x.ts', 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url')])).toEqual([
      'solver/lp/x.ts -> javascript-lp-solver: not in package.json dependencies',
      'src/ui/x.ts -> node:fs: node built-in outside src/cli/',
    ]);
  });
});
