// Browser side of the embedded data: fetch the files Vite ships with the app.
import unitsUrl from '../../data/default/units.geojson?url';
import zoneSectorsUrl from '../../data/default/zone-sectors.csv?url';
import basesUrl from '../../data/default/provider-bases.csv?url';
import usersUrl from '../../data/default/service-users.csv?url';
import postcodesUrl from '../../data/default/postcodes.csv?url';
import townsUrl from '../../data/default/towns.csv?url';
import { buildDefaultProject } from './defaultProject';
import type { Project } from './project';

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${url}: ${res.status}`);
  return res.text();
}

export async function loadDefaultProject(): Promise<Project> {
  const [units, zoneSectors, bases, users, postcodes, towns] = await Promise.all(
    [unitsUrl, zoneSectorsUrl, basesUrl, usersUrl, postcodesUrl, townsUrl].map(text),
  );
  return buildDefaultProject({ units, zoneSectors, bases, users, postcodes, towns });
}
