// Browser side of the example counties: fetch the files Vite ships with the app.
import { buildExampleCounty, EXAMPLE_COUNTY_FILES, type ExampleCounty, type ExampleCountyTexts } from './exampleCounty';
import type { Project } from './project';

// Every example county's files, as URLs of the built app (fetched on demand).
const URLS = import.meta.glob<string>('../../data/counties/*/*', { query: '?url', import: 'default', eager: true });

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${url}: ${res.status}`);
  return res.text();
}

export async function loadExampleCounty(county: ExampleCounty): Promise<Project> {
  const roles = Object.keys(EXAMPLE_COUNTY_FILES) as Array<keyof typeof EXAMPLE_COUNTY_FILES>;
  const texts = await Promise.all(
    roles.map((role) => {
      const url = URLS[`../../data/counties/${county}/${EXAMPLE_COUNTY_FILES[role]}`];
      if (!url) throw new Error(`The ${county} example has no ${EXAMPLE_COUNTY_FILES[role]}`);
      return text(url);
    }),
  );
  return buildExampleCounty(county, Object.fromEntries(roles.map((r, i) => [r, texts[i]])) as ExampleCountyTexts);
}
