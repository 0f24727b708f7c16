/**
 * Bytes of a text document to a string: UTF-8 (with or without BOM), else Windows-1252, the two
 * encodings collations arrive in. Binary content is refused rather than decoded into noise.
 */
export type Decoded = { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'windows-1252' } | { readonly ok: false; readonly reason: string };

// Node's decoder gives bytes 0x80–0x9F as C1 controls; Windows-1252 (and browsers) read them as
// these characters (dashes, quotes, €). The five bytes it leaves undefined stay controls, removed later.
const WINDOWS_1252_80_9F = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes.subarray(0, 65536).includes(0)) return { ok: false, reason: 'the file is not a text document (binary content)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]!);
    return { ok: true, text, encoding: 'windows-1252' };
  }
}
