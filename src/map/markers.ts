// Zone badges: each provider base is drawn with its zone's number; a zone with
// no base gets its number alone, placed inside the zone. Built with DOM calls
// and textContent only: zone names are user data.
import { Marker, type Map as MapLibre } from 'maplibre-gl';
import type { CountyModel } from '../../solver/model';
import type { Scenario } from '../model/scenario';
import { zoneLabelPoints } from './zoneLabels';
import { zoneTitle } from '../../solver/zoneLabel';

function zoneBadge(zoneId: string, colour: string, title: string, withBase: boolean): HTMLElement {
  const el = document.createElement('div');
  el.className = withBase ? 'zone-badge with-base' : 'zone-badge';
  el.title = title;
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', title);
  if (withBase) {
    const diamond = document.createElement('span');
    diamond.className = 'base-diamond';
    el.append(diamond);
  }
  const number = document.createElement('span');
  number.className = 'zone-number';
  number.style.borderColor = colour;
  number.textContent = zoneId;
  el.append(number);
  return el;
}

export function zoneMarkers(map: MapLibre, model: CountyModel, s: Scenario): Marker[] {
  const markers: Marker[] = [];
  const hasBase = new Set<number>();
  for (const b of s.bases) {
    const zone = s.zones[b.zone];
    const capacity = `capacity ${b.capacityHours.toLocaleString('en-GB')} h/week`;
    const title = zone ? `${zoneTitle(zone)}: ${b.name}, ${capacity}` : `${b.name} (no zone), ${capacity}`;
    const el = zoneBadge(zone ? zone.id : '–', zone?.colour ?? '#888', title, true);
    markers.push(new Marker({ element: el, anchor: 'left', offset: [-7, 0] }).setLngLat([b.lon, b.lat]).addTo(map));
    hasBase.add(b.zone);
  }
  zoneLabelPoints({ ...model, zones: s.zones }, { zoneOf: s.zoneOf }).forEach((p, z) => {
    if (!p || hasBase.has(z)) return;
    const zone = s.zones[z];
    const el = zoneBadge(zone.id, zone.colour ?? '#888', `${zoneTitle(zone)} (no provider base)`, false);
    markers.push(new Marker({ element: el }).setLngLat(p).addTo(map));
  });
  return markers;
}
