// Text files as councils save them: UTF-8 (with or without a BOM), Excel's
// plain "CSV" (Windows-1252) and "Unicode Text" (UTF-16 with a BOM), and
// UTF-16 without one. The bytes decide; nothing is re-encoded silently: when
// the file is not UTF-8 the caller gets a note saying what was assumed.

import type { Problem } from './problems';

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Said to the user when the file was not plain UTF-8; null otherwise. */
  note: string | null;
}

/** UTF-16 without a BOM: most ASCII characters leave one byte of each pair zero. */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'UTF-16LE';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'UTF-16BE';
  return null;
}

/** What a text file's bytes are written in (see DecodedText). */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'UTF-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16LE', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', bom: 2 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: 0 };
  try {
    // stream: a preview cut in the middle of a character is still UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return { encoding: 'UTF-8', bom: 0 };
  } catch {
    return { encoding: 'Windows-1252', bom: 0 };
  }
}

/** A few of the non-ASCII characters read, so the user can check them ("é, ñ"). */
function sampleOfAccents(text: string): string {
  const seen = new Set<string>();
  for (const ch of text) {
    if (ch.charCodeAt(0) > 127 && ch.trim() !== '') seen.add(ch);
    if (seen.size === 5) break;
  }
  return [...seen].join(', ');
}

/** Decodes a text file, saying which encoding was assumed when it was not UTF-8. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const { encoding, bom } = detectEncoding(bytes);
  const label = encoding === 'Windows-1252' ? 'windows-1252' : encoding.toLowerCase();
  const text = new TextDecoder(label).decode(bytes.subarray(bom));
  if (encoding === 'UTF-8') return { text, encoding, note: null };
  const accents = sampleOfAccents(text);
  const why = encoding === 'Windows-1252'
    ? 'Read as Windows-1252 (what Excel writes for plain "CSV"): the file is not UTF-8'
    : `Read as ${encoding} (what Excel writes for "Unicode Text")`;
  return {
    text,
    encoding,
    note: `${why}${accents ? `; check that accented letters read right (${accents})` : ''}. ` +
      'Saving it as "CSV UTF-8" avoids the guess.',
  };
}

/** True when the bytes are a binary file rather than text in one of the encodings above. */
export function looksBinary(bytes: Uint8Array): boolean {
  const { encoding } = detectEncoding(bytes);
  if (encoding !== 'UTF-8' && encoding !== 'Windows-1252') return false;
  return bytes.subarray(0, 512).includes(0);
}

/** A text file as given: already text, or its bytes (decoded by decodeText). */
export type TextInput = string | Uint8Array;

/** The text of an input, and the note when its encoding had to be assumed. */
export function textOf(input: TextInput): DecodedText {
  return typeof input === 'string' ? { text: input, encoding: 'UTF-8', note: null } : decodeText(input);
}

/** The note on an assumed encoding, as a warning on the file as a whole. */
export function encodingProblem(file: string, note: string | null): Problem[] {
  return note ? [{ file, row: null, column: '', value: '', message: note, severity: 'warning' }] : [];
}
