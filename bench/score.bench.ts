// Scoring speed: full scoring of a plan, and one-unit incremental updates, on both
// example counties and at 10,000 and 100,000 units x 14 zones, travel between visits
// included. Targets: full < 20 ms, one move < 1 ms.
import type { Bench, BenchRow } from './harness';
import { medianMs } from './harness';
import { asUnit, type CountyModel, type Plan, type UnitIndex, type ZoneIndex } from '../solver/model';
import { EXAMPLE_COUNTIES, type ExampleCounty } from '../src/model/exampleCounty';
import { exampleCountySettings, loadExampleCounty } from '../test/support/exampleCounty';
import { seededRandom } from '../solver/random';
import { DEFAULT_SCORE_SETTINGS, prepareScoring, scorePlan, ScoreState, type ScoreSettings } from '../solver/score';
import { syntheticCounty } from '../solver/testing/syntheticCounty';

const ZONES = 14;

/** A move an optimiser would try: a unit to the zone of one of its neighbours. */
function boundaryMove(model: CountyModel, state: ScoreState, rand: () => number): [UnitIndex, ZoneIndex] {
  const { offsets, neighbours } = model.units.adjacency;
  for (;;) {
    const u = asUnit(Math.floor(rand() * model.units.count));
    const from = state.zoneOf(u);
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const to = state.zoneOf(neighbours[k]);
      if (to !== from) return [u, to];
    }
  }
}

/** Median over batches of the mean time of one move, ms. */
async function perMoveMs(model: CountyModel, state: ScoreState, batch: number, readZones: boolean): Promise<number> {
  const rand = seededRandom(7);
  return (
    (await medianMs(
      () => {
        for (let i = 0; i < batch; i++) {
          const [u, to] = boundaryMove(model, state, rand);
          const from = state.moveUnit(u, to);
          if (readZones) {
            state.zoneScore(from);
            state.zoneScore(to);
          }
        }
      },
      21,
      3,
    )) / batch
  );
}

async function rowsFor(units: number): Promise<BenchRow[]> {
  const { model, plan } = syntheticCounty({ units, zones: ZONES, seed: 1 });
  return rowsOf(model, plan, `${units.toLocaleString('en-GB')} units x ${ZONES} zones`, DEFAULT_SCORE_SETTINGS);
}

/** The example counties as shipped, with their own settings (Norfolk's distance bands and provider model). */
async function exampleRows(county: ExampleCounty): Promise<BenchRow[]> {
  const { model, plan } = loadExampleCounty(county);
  return rowsOf(model, plan, `${EXAMPLE_COUNTIES[county].label} (${model.units.count} units x ${model.zones.length} zones)`, exampleCountySettings(county));
}

async function rowsOf(model: CountyModel, plan: Plan, size: string, settings: ScoreSettings): Promise<BenchRow[]> {
  const units = model.units.count;
  const ctx = prepareScoring(model, settings);
  const state = new ScoreState(ctx, plan);
  const repeat = units > 20_000 ? 5 : 11;
  return [
    { name: `score: precompute base distances, ${size}`, ms: await medianMs(() => prepareScoring(model, settings), repeat) },
    { name: `score: full, prepared, ${size}`, ms: await medianMs(() => new ScoreState(ctx, plan).planScore(), repeat) },
    { name: `score: full incl. precompute (scorePlan), ${size}`, ms: await medianMs(() => scorePlan(model, plan, settings), repeat) },
    { name: `score: one-unit move, sums only, ${size}`, ms: await perMoveMs(model, state, 2000, false) },
    { name: `score: one-unit move + both zones re-read, ${size}`, ms: await perMoveMs(model, state, 50, true) },
  ];
}

const bench: Bench = async () => [
  ...(await exampleRows('lincolnshire')),
  ...(await exampleRows('norfolk')),
  ...(await rowsFor(10_000)),
  ...(await rowsFor(100_000)),
];
export default bench;
