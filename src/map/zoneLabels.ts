// Where to put each zone's label: on the zone's unit nearest the mean of its
// unit centres, so the label sits inside the zone even when the zone is curved.
import type { CountyModel, Plan } from '../../solver/model';

export function zoneLabelPoints(model: CountyModel, plan: Plan): Array<[number, number] | null> {
  const { lon, lat, count } = model.units;
  const k = model.zones.length;
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  const sn = new Float64Array(k);
  for (let u = 0; u < count; u++) {
    const z = plan.zoneOf[u];
    if (z < 0) continue;
    sx[z] += lon[u];
    sy[z] += lat[u];
    sn[z] += 1;
  }
  const best = new Array<[number, number] | null>(k).fill(null);
  const bestD = new Float64Array(k).fill(Infinity);
  for (let u = 0; u < count; u++) {
    const z = plan.zoneOf[u];
    if (z < 0) continue;
    const d = (lon[u] - sx[z] / sn[z]) ** 2 * 0.36 + (lat[u] - sy[z] / sn[z]) ** 2;
    if (d < bestD[z]) {
      bestD[z] = d;
      best[z] = [lon[u], lat[u]];
    }
  }
  return best;
}
