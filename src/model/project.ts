// A project is everything the app holds for one county: the model the scoring
// and optimiser read, the plan being edited, and the geometry the map draws.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountyModel, Plan } from '../../solver/model';
import type { Border } from './polygonAdjacency';

export interface UnitProperties {
  id: string;
  name: string;
}

export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProperties>;

export interface Project {
  name: string;
  model: CountyModel;
  plan: Plan;
  /** Unit polygons in unit-index order (feature.id = unit index). */
  unitGeo: FeatureCollection<Polygon | MultiPolygon, UnitProperties>;
  borders: Border[];
  /**
   * Postcode sectors each unit holds, with how many live postcodes of the sector
   * fall in it (from the postcode lookup). Used for postcode-to-zone lists.
   */
  unitSectors: Array<Record<string, number>>;
  /** Where the data came from, for the map attribution and the README. */
  attribution: string[];
  /** True when service users are generated, not real people. */
  syntheticUsers: boolean;
}
