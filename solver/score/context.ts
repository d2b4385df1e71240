// What scoring needs to know about a model that does not depend on the plan,
// computed once: road distance from every unit to each zone's nearest base, to the
// nearest base of any zone and to the nearest rate centre, each zone's base capacity, each unit's
// travel between visits and its extra-rural score as a place. A plan change never touches these,
// which is what makes incremental scoring cheap.
import type { CountyModel, Rurality } from '../model';
import { rulesFromSettings, type OptimiseRules } from '../optimise/rules';
import { minutesPerMetre as minutesPer, roadMetresBetween, unitZoneBaseMetres } from '../travel';
import { centreDistances as measureCentres, type CentreDistances } from './rates';
import type { ScoreSettings } from './settings';
import { scorePlaces, type ExtraRuralPlaces } from './extraRural';
import { prepareVisitTravel, type VisitTravelContext } from './visitTravel';

export interface ScoreContext {
  model: CountyModel;
  settings: ScoreSettings;
  /** The rules zones are warned against: the optimiser's, from the same settings. */
  rules: OptimiseRules;
  zoneCount: number;
  /** Road metres from unit u to the nearest base of zone z, at [u * zoneCount + z]; 0 when z has no base. */
  baseRoadMetres: Float64Array;
  /** Road metres from each unit to the nearest base of any zone; Infinity when the model has no base. */
  nearestBaseRoadMetres: Float64Array;
  zoneBaseCount: Int32Array;
  zoneCapacity: Float64Array;
  /** Driving minutes per road metre, by rurality of the unit driven to. */
  minutesPerMetre: Float64Array;
  /** Road miles from each unit to its nearest rate centre, under the bands rate scheme; else null. */
  centreDistances: CentreDistances | null;
  /** What travel between visits needs of each unit, whatever the plan. */
  visitTravel: VisitTravelContext;
  /** Each unit's extra-rural score as a place: the flags then only weigh it against the flags before. */
  extraRuralPlaces: ExtraRuralPlaces;
}

export function prepareScoring(model: CountyModel, settings: ScoreSettings): ScoreContext {
  const n = model.units.count;
  const zoneCount = model.zones.length;
  const { lon, lat } = model.units;
  const zoneBaseCount = new Int32Array(zoneCount);
  const zoneCapacity = new Float64Array(zoneCount);
  for (const base of model.bases) {
    if (base.zone < 0 || base.zone >= zoneCount) continue;
    zoneBaseCount[base.zone]++;
    zoneCapacity[base.zone] += base.capacityHours;
  }

  const baseRoadMetres = unitZoneBaseMetres(model, settings.travel);
  // Nearest base of any zone: the least of each unit's row of zone distances, then the
  // bases without a zone (measured only for them, so each distance is worked out once).
  const nearestBaseRoadMetres = new Float64Array(n).fill(Infinity);
  for (let u = 0; u < n; u++) {
    let best = Infinity;
    for (let z = 0, i = u * zoneCount; z < zoneCount; z++, i++) if (baseRoadMetres[i] < best) best = baseRoadMetres[i];
    nearestBaseRoadMetres[u] = best;
  }
  for (const base of model.bases) {
    if (base.zone >= 0 && base.zone < zoneCount) continue;
    for (let u = 0; u < n; u++) {
      const road = roadMetresBetween(lon[u], lat[u], base.lon, base.lat, settings.travel);
      if (road < nearestBaseRoadMetres[u]) nearestBaseRoadMetres[u] = road;
    }
  }
  // Zones without a base get 0 so sums stay finite; their travel is reported as null.
  for (let z = 0; z < zoneCount; z++) {
    if (zoneBaseCount[z] > 0) continue;
    for (let u = 0; u < n; u++) baseRoadMetres[u * zoneCount + z] = 0;
  }

  const minutesPerMetre = new Float64Array(3);
  for (let r = 0; r < 3; r++) {
    minutesPerMetre[r] = minutesPer(r as Rurality, settings.travel);
  }
  const rules = rulesFromSettings(settings, model);
  const centreDistances = settings.rates.scheme === 'bands' ? measureCentres(model, settings) : null;
  const visitTravel = prepareVisitTravel(model, settings);
  const extraRuralPlaces = scorePlaces({ model, settings, nearestBaseRoadMetres, visitTravel });
  return {
    model, settings, rules, zoneCount, baseRoadMetres, nearestBaseRoadMetres, zoneBaseCount, zoneCapacity, minutesPerMetre, centreDistances, visitTravel, extraRuralPlaces,
  };
}

