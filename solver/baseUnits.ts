// The unit each provider base stands in: the unit whose representative point is
// nearest the base (the model holds points, not polygons). A zone's own base
// unit is where its contiguity is rooted: the zone is the piece that holds it.
import type { CountyModel } from './model';

const RAD = Math.PI / 180;

/** Per base, the unit it stands in (-1 when there are no units). */
export function baseUnits(model: CountyModel): Int32Array {
  const { lon, lat, count } = model.units;
  return Int32Array.from(model.bases, (b) => {
    // Equirectangular distance about the base: enough to rank units by nearness.
    const k = Math.cos(b.lat * RAD);
    let best = -1;
    let bestD = Infinity;
    for (let u = 0; u < count; u++) {
      const dx = (lon[u] - b.lon) * k;
      const dy = lat[u] - b.lat;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = u;
      }
    }
    return best;
  });
}
