// Keeps one incremental ScoreState in step with the working scenario. A plan edit
// moves only the units that changed zone; anything the state was built from (the
// project, the scenario's zones or bases, the settings, the baseline) rebuilds it.
// Pure: no React, no map, so it is tested in node (test/unit/state/scoreSync.test.ts).
import { asZone, UNASSIGNED, type Plan, type UnitIndex } from '../../solver/model';
import { prepareScoring, ScoreState, type PlanScore, type ScoreSettings } from '../../solver/score';
import type { Project } from '../model/project';
import { changedUnits, modelFor, type Scenario } from '../model/scenario';

export interface ScoreInputs {
  project: Project;
  scenario: Scenario;
  settings: ScoreSettings;
  /** The scenario disruption is measured against; null for none. */
  baseline: Scenario | null;
}

export interface ScoreUpdate {
  score: PlanScore;
  state: ScoreState;
  /** Units whose zone changed since the last update; null after a rebuild (everything may have changed). */
  movedUnits: UnitIndex[] | null;
}

/**
 * The baseline as a plan over the working scenario's zones, matched by zone id:
 * zone indices shift when a zone is deleted, and a zone the working scenario no
 * longer has counts as UNASSIGNED (its users would change provider either way).
 */
export function baselinePlan(baseline: Scenario, working: Scenario): Plan {
  const indexOfId = new Map(working.zones.map((z, i) => [z.id, asZone(i)]));
  const remap = baseline.zones.map((z) => indexOfId.get(z.id) ?? UNASSIGNED);
  return { zoneOf: baseline.zoneOf.map((z) => (z === UNASSIGNED ? UNASSIGNED : remap[z])) };
}

export class ScoreSync {
  private last: ScoreInputs | null = null;
  private current: ScoreUpdate | null = null;
  /** Extra-rural flags of each scenario's last build, passed back so flags switch off with hysteresis. */
  private readonly flagsByScenario = new Map<string, Uint8Array>();
  /** The units the flags belong to: a project with new demand on the same units keeps them. */
  private flagsUnits: Project['model']['units'] | null = null;

  /** Brings the scores up to date; returns the previous update (same object) when nothing that scores read changed. */
  update(next: ScoreInputs): ScoreUpdate {
    const last = this.last;
    const current = this.current;
    this.last = next;
    if (!last || !current || this.needsRebuild(last, next)) return this.rebuild(next);
    if (next.scenario.zoneOf === last.scenario.zoneOf) return current;
    const moved = changedUnits(last.scenario.zoneOf, next.scenario.zoneOf);
    if (moved.length === 0) return current;
    const change = current.state.moveUnits(moved.map((u) => [u, asZone(next.scenario.zoneOf[u])] as const));
    const fresh = current.state.planScore();
    // Zones whose figures did not change keep their object, so a view of one zone skips re-rendering.
    const touched = new Set(change.zones);
    const zones = change.meanZoneHoursChanged
      ? fresh.zones
      : fresh.zones.map((zs, z) => (touched.has(asZone(z)) ? zs : current.score.zones[z]));
    this.current = { score: { ...fresh, zones }, state: current.state, movedUnits: moved };
    return this.current;
  }

  private needsRebuild(a: ScoreInputs, b: ScoreInputs): boolean {
    return (
      a.project !== b.project ||
      a.settings !== b.settings ||
      a.scenario.id !== b.scenario.id ||
      a.scenario.zones !== b.scenario.zones ||
      a.scenario.bases !== b.scenario.bases ||
      a.baseline?.id !== b.baseline?.id ||
      a.baseline?.zoneOf !== b.baseline?.zoneOf ||
      a.baseline?.zones !== b.baseline?.zones
    );
  }

  private rebuild(inputs: ScoreInputs): ScoreUpdate {
    const { project, scenario, settings, baseline } = inputs;
    // Scenario ids of another project may repeat; its flags would belong to other units.
    if (project.model.units !== this.flagsUnits) {
      this.flagsByScenario.clear();
      this.flagsUnits = project.model.units;
    }
    const ctx = prepareScoring(modelFor(project.model, scenario), settings);
    const state = new ScoreState(ctx, { zoneOf: scenario.zoneOf }, {
      extraRuralFlags: this.flagsByScenario.get(scenario.id),
      baseline: baseline ? baselinePlan(baseline, scenario) : undefined,
    });
    this.flagsByScenario.set(scenario.id, state.extraRural.flagged);
    this.current = { score: state.planScore(), state, movedUnits: null };
    return this.current;
  }
}
