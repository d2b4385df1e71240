// The map PNG: the overview of every lot as a stand-alone sheet (title,
// scenario and date, zones named, bases, legend, scale, north arrow and the data
// credits), drawn as SVG here and rasterised by the app.
import { zoneLabel } from '../../solver/zoneLabel';
import type { ExportData } from './exportData';
import { overviewMapOptions, reportMaps } from './reportMaps';
import { mapSheet, type MapSheet } from './svgMap';

export function mapPngSheet(data: ExportData, generatedAt: Date = new Date()): MapSheet | null {
  const o = overviewMapOptions(reportMaps(data, generatedAt), { maxWidth: 1000, maxHeight: 880 }, { zone: zoneLabel, baseNames: true });
  return o && mapSheet({ ...o, id: 'map', credit: data.project.attribution.join(' · ') });
}
