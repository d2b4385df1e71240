// The maps of the printouts, as map-sheet options: the overview of every lot
// (report cover and map PNG) and each lot's own map. Zone outlines are
// dissolved once and shared by all of them.
import type { MultiPolygon } from 'geojson';
import { asZone, type Zone, type ZoneIndex } from '../../solver/model';
import { lotTitle, zoneLabel } from '../../solver/zoneLabel';
import { unitTopology } from './dissolve';
import type { ExportData } from './exportData';
import { bboxOf, bboxesOverlap, type BBox } from './geometry';
import { safeColour, type LegendItem, type MapSheetOptions, type MapShape } from './svgMap';
import type { TextStyle } from './cartography/textWidth';
import { INK } from './cartography/svgText';
import { viewOfShape } from './cartography/projection';
import { zoneOutlines } from './zoneGeojson';

// A lot's map fills this frame, its lot centred, so it shows what lies round the lot.
const MAP_W = 700;
const MAP_H = 230;
const NEIGHBOUR_GREY = '#dde3e7';

export interface ReportMaps {
  data: ExportData;
  zones: Array<MultiPolygon | null>;
  unassigned: MultiPolygon | null;
  boxes: Array<BBox | null>;
  /** The date printed on every map and the cover. */
  date: string;
}

export const colourOf = (d: ExportData, z: ZoneIndex) => safeColour(d.colours[z], '#9aa8b2');

const ZONE_ID_LABEL: TextStyle = { sizePx: 15, bold: true };
const NEIGHBOUR_LABEL: TextStyle = { sizePx: 10, bold: false };
/** On the overview, a zone is labelled by its id when that is short (the legend names it), else by its name. */
const overviewLabel = (zone: Zone) => (zone.id.length <= 4 ? zone.id : zoneLabel(zone));

/** View box padded by a share of its size. */
function padded(b: BBox, share: number): BBox {
  const dx = (b[2] - b[0]) * share + 1e-4;
  const dy = (b[3] - b[1]) * share + 1e-4;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}

const subtitle = (s: ReportMaps) => `${s.data.project.name} · Scenario: ${s.data.scenario.name} · ${s.date}`;

/** The overview map of every lot, as shown on the cover (and, larger, as the map PNG). */
export function overviewMapOptions(
  s: ReportMaps,
  size: { maxWidth: number; maxHeight: number },
  labels: { zone?: (zone: Zone) => string; baseNames?: boolean } = {},
): MapSheetOptions | null {
  const labelText = labels.zone ?? overviewLabel;
  const county = bboxOf([...s.zones, s.unassigned].filter((g): g is MultiPolygon => g !== null));
  if (!county) return null;
  const { zones } = s.data.scenario;
  const shapes: MapShape[] = s.zones.flatMap((g, z) =>
    g ? [{ geometry: g, fill: colourOf(s.data, asZone(z)), stroke: '#ffffff', strokeWidth: 1.2, label: { text: labelText(zones[z]), style: ZONE_ID_LABEL, priority: 3 } }] : [],
  );
  if (s.unassigned) shapes.push({ geometry: s.unassigned, fill: '#ffffff', stroke: '#9aa8b2', strokeWidth: 0.8 });
  const legend: LegendItem[] = zones.map((zone, z) => ({ kind: 'fill', fill: colourOf(s.data, asZone(z)), stroke: '#9aa8b2', label: zoneLabel(zone) }));
  if (s.unassigned) legend.push({ kind: 'fill', fill: '#ffffff', stroke: '#9aa8b2', label: 'In no lot' });
  legend.push({ kind: 'base', label: 'Provider base' });
  return {
    id: 'overview',
    view: padded(county, 0.02),
    ...size,
    shapes,
    bases: s.data.scenario.bases.filter((b) => b.zone >= 0).map((b) => ({ lon: b.lon, lat: b.lat, name: labels.baseNames ? b.name : null })),
    title: `${s.data.project.name}: ${zones.length} lots`,
    subtitle: `Scenario: ${s.data.scenario.name} · ${s.date}`,
    legend,
    legendAt: 'right',
  };
}

/** A lot's own map: the lot in its colour, its neighbours in grey with their names, its bases named. */
export function lotMapOptions(s: ReportMaps, z: ZoneIndex): MapSheetOptions | null {
  const own = s.zones[z];
  const box = s.boxes[z];
  if (!own || !box) return null;
  const view = viewOfShape(padded(box, 0.08), MAP_W, MAP_H);
  const { zones } = s.data.scenario;
  const shapes: MapShape[] = [];
  s.zones.forEach((g, other) => {
    const ob = s.boxes[other];
    if (g && ob && other !== z && bboxesOverlap(ob, view))
      shapes.push({ geometry: g, fill: NEIGHBOUR_GREY, stroke: '#ffffff', strokeWidth: 1, label: { text: zoneLabel(zones[other]), style: NEIGHBOUR_LABEL, priority: 1, fill: '#3d4a53' } });
  });
  const unassignedInView = s.unassigned !== null && bboxesOverlap(bboxOf([s.unassigned])!, view);
  if (s.unassigned && unassignedInView) shapes.push({ geometry: s.unassigned, fill: '#ffffff', stroke: '#b8c4cc', strokeWidth: 0.8 });
  shapes.push({ geometry: own, fill: colourOf(s.data, z), stroke: INK, strokeWidth: 1.6 });
  const legend: LegendItem[] = [
    { kind: 'fill', fill: colourOf(s.data, z), stroke: INK, label: 'This lot' },
    { kind: 'fill', fill: NEIGHBOUR_GREY, stroke: '#9aa8b2', label: 'Other lots' },
    ...(unassignedInView ? [{ kind: 'fill' as const, fill: '#ffffff', stroke: '#9aa8b2', label: 'In no lot' }] : []),
    { kind: 'base', label: 'Provider base of this lot' },
  ];
  return {
    id: `lot-${z}`,
    view,
    maxWidth: MAP_W,
    maxHeight: MAP_H,
    shapes,
    bases: s.data.scenario.bases.filter((b) => b.zone === z).map((b) => ({ lon: b.lon, lat: b.lat, name: b.name })),
    title: lotTitle(zones[z]),
    subtitle: subtitle(s),
    legend,
    legendAt: 'bottom',
  };
}

/** Outlines and boxes of a scenario's lots, and the date the maps carry. */
export function reportMaps(data: ExportData, generatedAt: Date): ReportMaps {
  const outlines = zoneOutlines(data, unitTopology(data.project.unitGeo));
  return {
    data,
    zones: outlines.zones,
    unassigned: outlines.unassigned,
    boxes: outlines.zones.map((g) => (g ? bboxOf([g]) : null)),
    date: generatedAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
  };
}
