// Text on the printed maps. Every text is drawn exactly as wide as textWidth
// measured it (textLength), so the layout's boxes are the rendered boxes, and
// styled with attributes only: the same SVG works inline in the report and as
// a standalone image rasterised to PNG.
import { escapeHtml } from '../escapeHtml';
import { textWidth, type TextStyle } from './textWidth';

export const MAP_FONT = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif";
export const INK = '#1d2830';
export const MUTED = '#5a6872';

export interface TextOptions {
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  /** A white outline so the text reads over any fill. */
  halo?: boolean;
  className?: string;
  italic?: boolean;
}

export function svgText(text: string, x: number, y: number, style: TextStyle, o: TextOptions = {}): string {
  const attrs = [
    o.className ? `class="${o.className}"` : '',
    `x="${x.toFixed(1)}" y="${y.toFixed(1)}"`,
    `font-family="${escapeHtml(MAP_FONT)}" font-size="${style.sizePx}" font-weight="${style.bold ? 700 : 400}"`,
    o.italic ? 'font-style="italic"' : '',
    `fill="${o.fill ?? INK}"`,
    `text-anchor="${o.anchor ?? 'start'}" dominant-baseline="central"`,
    `textLength="${textWidth(text, style).toFixed(1)}" lengthAdjust="spacing"`,
    o.halo ? 'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"' : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${escapeHtml(text)}</text>`;
}

/**
 * The text as it fits in maxWidth: at its own size if it can, else smaller
 * (down to minSize), else cut with an ellipsis at minSize.
 */
export function fitText(text: string, style: TextStyle, maxWidth: number, minSize = 9): { text: string; style: TextStyle } {
  if (textWidth(text, style) <= maxWidth) return { text, style };
  const size = Math.max(minSize, Math.floor((style.sizePx * maxWidth) / textWidth(text, style)));
  const smaller = { ...style, sizePx: size };
  if (textWidth(text, smaller) <= maxWidth) return { text, style: smaller };
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, smaller) > maxWidth) chars.pop();
  return { text: `${chars.join('').trimEnd()}…`, style: smaller };
}

/** Words broken into lines no wider than maxWidth (a word longer than a line gets a line of its own). */
export function wrapText(text: string, style: TextStyle, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, style) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
