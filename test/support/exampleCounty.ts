// The example counties, built from data/counties/<county>/ in node, for tests,
// benchmarks and scripts (the browser uses src/model/loadExampleCounty.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildExampleCounty, EXAMPLE_COUNTY_FILES, type ExampleCounty, type ExampleCountyTexts } from '../../src/model/exampleCounty';
import type { Project } from '../../src/model/project';

/** Folder of an example county's files, relative to the repository root. */
export const exampleCountyDir = (county: ExampleCounty) => join('data', 'counties', county);

/** Path of one of an example county's files, e.g. `exampleCountyFile('norfolk', 'users')`. */
export const exampleCountyFile = (county: ExampleCounty, role: keyof typeof EXAMPLE_COUNTY_FILES) =>
  join(exampleCountyDir(county), EXAMPLE_COUNTY_FILES[role]);

export function loadExampleCounty(county: ExampleCounty): Project {
  const texts = Object.fromEntries(
    Object.keys(EXAMPLE_COUNTY_FILES).map((role) => [
      role,
      readFileSync(exampleCountyFile(county, role as keyof typeof EXAMPLE_COUNTY_FILES), 'utf8'),
    ]),
  ) as ExampleCountyTexts;
  return buildExampleCounty(county, texts);
}
