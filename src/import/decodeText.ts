/**
 * Bytes of a text document to a string: UTF-8 (with or without BOM), else Windows-1252, the two
 * encodings collations arrive in. Binary content is refused rather than decoded into noise.
 */
export type Decoded = { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'windows-1252' } | { readonly ok: false; readonly reason: string };

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes.subarray(0, 65536).includes(0)) return { ok: false, reason: 'the file is not a text document (binary content)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
