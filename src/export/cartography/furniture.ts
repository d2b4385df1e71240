// What every printed map carries besides the map: a scale bar, a north arrow
// and a legend. Each returns its SVG and the size it takes, so the sheet can
// lay them out without overlaps.
import { escapeHtml } from '../escapeHtml';
import { textWidth, lineHeight, type TextStyle } from './textWidth';
import { fitText, INK, MUTED, svgText } from './svgText';

export interface Drawn {
  svg: string;
  width: number;
  height: number;
}

const SMALL: TextStyle = { sizePx: 10, bold: false };
const LEGEND: TextStyle = { sizePx: 11, bold: false };
/** A long zone name in the legend gets smaller, down to this, before it is cut ("11 Great Yarmouth & Northern Villages"). */
const LEGEND_MIN_PX = 9;

/** The longest round length (1, 2 or 5 x 10^k metres) that fits in maxPx. */
export function scaleLength(metresPerPx: number, maxPx: number): number {
  const most = metresPerPx * maxPx;
  const power = 10 ** Math.floor(Math.log10(most));
  return [5, 2, 1].map((m) => m * power).find((m) => m <= most) ?? power;
}

const lengthText = (m: number) => (m >= 1000 ? `${m / 1000} km` : `${m} m`);

/** A two-part bar at (x, y) (top-left) standing for a round ground length. */
export function scaleBar(x: number, y: number, metresPerPx: number, maxPx: number): Drawn {
  const metres = scaleLength(metresPerPx, maxPx);
  const px = metres / metresPerPx;
  const label = lengthText(metres);
  const h = 5;
  const svg =
    `<g class="map-scale" aria-hidden="true">` +
    `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(px / 2).toFixed(1)}" height="${h}" fill="${INK}"/>` +
    `<rect x="${(x + px / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${(px / 2).toFixed(1)}" height="${h}" fill="#ffffff" stroke="${INK}" stroke-width="1"/>` +
    svgText('0', x, y + h + 8, SMALL, { anchor: 'middle', fill: MUTED }) +
    svgText(label, x + px, y + h + 8, SMALL, { anchor: 'middle', fill: MUTED }) +
    `</g>`;
  return { svg, width: px + textWidth(label, SMALL) / 2, height: h + 8 + lineHeight(SMALL) / 2 };
}

/** An arrow pointing up (the maps keep meridians vertical) with an N, top-left at (x, y). */
export function northArrow(x: number, y: number): Drawn {
  const w = 12;
  const h = 16;
  const cx = x + w / 2;
  const top = y + 12;
  const svg =
    `<g class="map-north" aria-hidden="true">` +
    svgText('N', cx, y + 5, { sizePx: 10, bold: true }, { anchor: 'middle' }) +
    `<path d="M${cx.toFixed(1)},${top.toFixed(1)}L${(cx + w / 2).toFixed(1)},${(top + h).toFixed(1)}L${cx.toFixed(1)},${(top + h - 4).toFixed(1)}Z" fill="${INK}"/>` +
    `<path d="M${cx.toFixed(1)},${top.toFixed(1)}L${(cx - w / 2).toFixed(1)},${(top + h).toFixed(1)}L${cx.toFixed(1)},${(top + h - 4).toFixed(1)}Z" fill="#ffffff" stroke="${INK}" stroke-width="1"/>` +
    `</g>`;
  return { svg, width: w, height: 12 + h };
}

export type LegendItem =
  | { kind: 'fill'; fill: string; stroke: string; label: string }
  | { kind: 'base'; label: string };

const SWATCH = 12;
const ITEM_GAP = 6;

function legendSymbol(item: LegendItem, x: number, cy: number): string {
  if (item.kind === 'base') {
    return `<rect x="${(x + SWATCH / 2 - 4).toFixed(1)}" y="${(cy - 4).toFixed(1)}" width="8" height="8" fill="${INK}" stroke="#ffffff" stroke-width="1.2" transform="rotate(45 ${(x + SWATCH / 2).toFixed(1)} ${cy.toFixed(1)})"/>`;
  }
  return `<rect x="${x.toFixed(1)}" y="${(cy - SWATCH / 2).toFixed(1)}" width="${SWATCH}" height="${SWATCH}" rx="1.5" fill="${escapeHtml(item.fill)}" stroke="${escapeHtml(item.stroke)}" stroke-width="1"/>`;
}

const itemWidth = (label: string) => SWATCH + ITEM_GAP + textWidth(label, LEGEND);

/**
 * A legend at (x, y): one item a line in as many columns of at most
 * `columnWidth` as it takes to stay within maxHeight ('column'), or items
 * flowing in rows across maxWidth ('row'). Labels too long are shortened with an ellipsis.
 */
export function legend(items: LegendItem[], x: number, y: number, layout: { kind: 'column'; maxHeight: number; columnWidth: number } | { kind: 'row'; maxWidth: number }): Drawn {
  const line = lineHeight(LEGEND) + 3;
  const parts: string[] = [];
  let width = 0;
  let height = 0;
  if (layout.kind === 'column') {
    const perColumn = Math.max(1, Math.floor(layout.maxHeight / line));
    const columns = Math.ceil(items.length / perColumn);
    const colW = Math.min(layout.columnWidth, Math.max(...items.map((i) => itemWidth(i.label))));
    items.forEach((item, i) => {
      const cx = x + Math.floor(i / perColumn) * (colW + 10);
      const cy = y + (i % perColumn) * line + line / 2;
      const fitted = fitText(item.label, LEGEND, colW - SWATCH - ITEM_GAP, LEGEND_MIN_PX);
      parts.push(legendSymbol(item, cx, cy) + svgText(fitted.text, cx + SWATCH + ITEM_GAP, cy, fitted.style, { className: 'legend-label' }));
    });
    width = columns * colW + (columns - 1) * 10;
    height = Math.min(items.length, perColumn) * line;
  } else {
    let cx = x;
    let cy = y + line / 2;
    for (const item of items) {
      const fitted = fitText(item.label, LEGEND, layout.maxWidth - SWATCH - ITEM_GAP, LEGEND_MIN_PX);
      const w = itemWidth(fitted.text);
      if (cx > x && cx + w > x + layout.maxWidth) {
        cx = x;
        cy += line;
      }
      parts.push(legendSymbol(item, cx, cy) + svgText(fitted.text, cx + SWATCH + ITEM_GAP, cy, fitted.style, { className: 'legend-label' }));
      width = Math.max(width, cx + w - x);
      cx += w + 14;
    }
    height = cy + line / 2 - y;
  }
  return { svg: `<g class="map-legend">${parts.join('')}</g>`, width, height };
}
