// Project files (and the autosave, the same document) with values that would
// break scores and exports are refused, naming the field and the allowed range.
import { describe, expect, it } from 'vitest';
import { loadExampleCounty } from '../../support/exampleCounty';
import { readProjectFile, writeProjectFile } from '../../../src/state/projectFile';
import { scenarioFromModel } from '../../../src/model/scenario';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score';

const project = loadExampleCounty('lincolnshire');
const text = writeProjectFile({
  project, scenarios: [scenarioFromModel(project.model, project.plan, 'a', 'Current zones')], currentId: 'a', baselineId: 'a', settings: DEFAULT_SCORE_SETTINGS,
});
/** The saved file with one change, as text (JSON keeps 1e400 as text; it parses to Infinity). */
const withChange = (change: (doc: any) => void, raw?: [string, string]) => {
  const doc = JSON.parse(text);
  change(doc);
  let out = JSON.stringify(doc);
  if (raw) out = out.replace(raw[0], raw[1]);
  return out;
};
const message = (file: string): string => {
  try {
    readProjectFile(file);
    return 'accepted';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('a project file with values out of range', () => {
  it.each([
    ['a negative urban rate', withChange((d) => (d.settings.rates.urban = -15.63)), /^settings\.rates\.urban: must be a number above 0 and at most 500 £\/h, found -15\.63/],
    ['a rate written as text', withChange((d) => (d.settings.rates.rural = '15.96')), /^settings\.rates\.rural: must be a number above 0 and at most 500 £\/h, found "15\.96"/],
    ['a negative speed', withChange((d) => (d.settings.travel.speedKmh['2'] = -45)), /^settings\.travel\.speedKmh\.2: must be a number above 0 and at most 130 km\/h, found -45/],
    ['a zero speed', withChange((d) => (d.settings.travel.speedKmh['0'] = 0)), /^settings\.travel\.speedKmh\.0: must be a number above 0/],
    ['1e308 hours in a unit', withChange((d) => (d.demand.hours[4] = 1e308)), /^demand\.hours\[4\]: must be a number from 0 to 10,000,000 h\/week, found 1e\+308/],
    ['more hours than a week has', withChange((d) => (d.demand.hours[4] = 200 * d.demand.users[4] + 1)), /^demand\.hours\[4\]: .* one person has at most 168 hours a week/],
    ['a unit longitude as text', withChange((d) => (d.units[2].lon = '-0.54')), /^units\[2\]\.lon: must be a number from -180 to 180 ° longitude, found "-0\.54"/],
    ['an infinite base latitude', withChange((d) => (d.scenarios[0].bases[1].lat = 123456.789), ['123456.789', '1e400']), /^scenarios\[0\]\.bases\[1\]\.lat: must be a number from -90 to 90 ° latitude, found Infinity/],
    ['a string in a polygon', withChange((d) => (d.units[7].geometry.coordinates[0][3] = ['-0.5', '53.1'])), /^units\[7\]\.geometry: coordinates\[0\]\[3\]: must be \[longitude, latitude\] numbers/],
    ['a non-finite polygon position', withChange((d) => (d.units[7].geometry.coordinates[0][3] = [123456.789, 53.1]), ['123456.789,53.1', '1e400,53.1']), /^units\[7\]\.geometry: coordinates\[0\]\[3\]: must be \[longitude, latitude\]/],
    ['negative base capacity', withChange((d) => (d.scenarios[0].bases[0].capacityHours = -100)), /^scenarios\[0\]\.bases\[0\]\.capacityHours: must be a number from 0 to 100,000 h\/week, found -100/],
    ['more waiting than people', withChange((d) => (d.demand.waitingUsers[4] = d.demand.users[4] + 3)), /^demand\.waitingUsers\[4\]: .* more than the unit's/],
    ['a share above 1', withChange((d) => (d.settings.rules.ruralShareMax = 80)), /^settings\.rules\.ruralShareMax: must be a number from 0 to 1, found 80/],
    ['a minimum above its maximum', withChange((d) => ((d.settings.rules.ruralShareMin = 0.9), (d.settings.rules.ruralShareMax = 0.8))), /^settings: rules\.ruralShareMin \(0\.9\) must not be above rules\.ruralShareMax \(0\.8\)/],
  ])('refuses %s, naming the field and the allowed range', (_what, file, expected) => {
    expect(message(file)).toMatch(expected);
  });

  it('lists every bad field, not just the first', () => {
    const m = message(withChange((d) => {
      d.settings.rates.urban = -1;
      d.settings.weeksPerYear = 1e308;
    }));
    expect(m).toMatch(/settings\.rates\.urban: .*; settings\.weeksPerYear: must be a number above 0 and at most 53 weeks, found 1e\+308/);
  });

  it('still opens the file as saved', () => {
    expect(message(text)).toBe('accepted');
  });
});
