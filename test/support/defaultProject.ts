// The embedded county, built from data/default/ in node, for tests.
import { readFileSync } from 'node:fs';
import { buildDefaultProject } from '../../src/model/defaultProject';
import type { Project } from '../../src/model/project';

export function loadDefaultProjectFromDisk(): Project {
  const read = (f: string) => readFileSync(`data/default/${f}`, 'utf8');
  return buildDefaultProject({
    units: read('units.geojson'),
    zoneSectors: read('zone-sectors.csv'),
    bases: read('provider-bases.csv'),
    users: read('service-users.csv'),
    postcodes: read('postcodes.csv'),
    towns: read('towns.csv'),
  });
}
