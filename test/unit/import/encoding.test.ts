import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, looksBinary } from '../../../src/import/encoding';

describe('decodeText', () => {
  it('tells UTF-8, UTF-16 without a BOM and Windows-1252 apart from the bytes', () => {
    const utf8 = new TextEncoder().encode('zone\nSeñora Park\n');
    expect(decodeText(utf8)).toEqual({ text: 'zone\nSeñora Park\n', encoding: 'UTF-8', note: null });
    const be = Uint8Array.from([...'id,zone\n1,A\n'].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(decodeText(be)).toMatchObject({ encoding: 'UTF-16BE', text: 'id,zone\n1,A\n' });
    expect(detectEncoding(Uint8Array.from([0x53, 0xf1, 0x6f]))).toEqual({ encoding: 'Windows-1252', bom: 0 });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
  });

  it('keeps a UTF-8 preview cut inside a character as UTF-8', () => {
    const bytes = new TextEncoder().encode('Señora');
    expect(detectEncoding(bytes.subarray(0, 3)).encoding).toBe('UTF-8');
  });

  it('calls a file with NUL bytes binary, but not UTF-16 text', () => {
    expect(looksBinary(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 1, 0xff, 0x10, 0x20, 0x30]))).toBe(true);
    expect(looksBinary(Uint8Array.from([0xff, 0xfe, 0x41, 0, 0x42, 0]))).toBe(false);
  });
});
