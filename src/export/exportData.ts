// What every export starts from: the scenario's model and plan, scored with the
// shared settings, and a colour per zone. Scored fresh (no hysteresis history),
// so a file depends only on the project, the scenario and the settings.
import type { CountyModel, Plan } from '../../solver/model';
import { scorePlan, type PlanScore, type ScoreSettings } from '../../solver/score';
import { assignZoneColours, zoneNeighbours } from '../model/palette';
import type { Project } from '../model/project';
import { modelFor, type Scenario } from '../model/scenario';

export interface ExportData {
  project: Project;
  scenario: Scenario;
  settings: ScoreSettings;
  model: CountyModel;
  plan: Plan;
  score: PlanScore;
  /** CSS colour per zone: the scenario's own, else one apart from its neighbours' (as the map picks). */
  colours: string[];
}

export function exportData(project: Project, scenario: Scenario, settings: ScoreSettings): ExportData {
  if (scenario.zoneOf.length !== project.model.units.count) {
    throw new Error(`scenario "${scenario.name}" assigns ${scenario.zoneOf.length} units but the project has ${project.model.units.count}`);
  }
  const model = modelFor(project.model, scenario);
  const plan: Plan = { zoneOf: scenario.zoneOf };
  const colours = scenario.zones.every((z) => z.colour)
    ? scenario.zones.map((z) => z.colour!)
    : assignZoneColours(
        zoneNeighbours(model.units.adjacency, plan, scenario.zones.length),
        scenario.zones.map((z) => z.colour),
      );
  return { project, scenario, settings, model, plan, score: scorePlan(model, plan, settings), colours };
}

/** Names of a zone's bases and their total capacity. */
export function zoneBases(data: ExportData, zone: number): { names: string[]; capacityHours: number } {
  const bases = data.scenario.bases.filter((b) => b.zone === zone);
  return { names: bases.map((b) => b.name), capacityHours: bases.reduce((s, b) => s + b.capacityHours, 0) };
}

/** Rounds a figure for a file: enough precision to add up, no float noise. */
export const round = (x: number, dp = 2) => Math.round(x * 10 ** dp) / 10 ** dp;
