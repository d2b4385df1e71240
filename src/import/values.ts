// Parsing the numbers and yes/no answers people type into spreadsheets.

/** "12.5", " 12.5 hrs", "10h" -> number; NaN for anything else. */
export function parseHours(text: string): number {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(?:h|hr|hrs|hours?)?$/i.exec(text.trim());
  return m ? Number(m[1]) : NaN;
}

const YES = new Set(['yes', 'y', 'true', 't', '1']);
const NO = new Set(['no', 'n', 'false', 'f', '0']);

/** yes/no/y/n/true/false/1/0 (any case) -> boolean; null when it is none of those. */
export function parseYesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

/** Cells that start like a spreadsheet formula; they are kept as text but flagged. */
export const looksLikeFormula = (text: string): boolean => /^[=+\-@]/.test(text) && !/^[+-]?\d/.test(text);
