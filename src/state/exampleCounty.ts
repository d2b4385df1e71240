// Opening an example county: its project and the rate scheme its council publishes.
import type { ScoreSettings } from '../../solver/score';
import { EXAMPLE_SETTINGS_FILE, type ExampleCounty } from '../model/exampleCounty';
import { exampleCountyText, loadExampleCounty } from '../model/loadExampleCounty';
import type { Project } from '../model/project';
import { readScoreSettings } from '../../solver/score/settingsSchema';

export async function openExampleCounty(county: ExampleCounty): Promise<{ project: Project; settings: ScoreSettings }> {
  const [project, settingsText] = await Promise.all([loadExampleCounty(county), exampleCountyText(county, EXAMPLE_SETTINGS_FILE)]);
  return { project, settings: readScoreSettings(JSON.parse(settingsText)) };
}
