/** Windows-1252 over 0x80–0x9F as Python's cp1252 codec gives it; the five bytes it leaves undefined are null. */
export const CP1252_HIGH: Readonly<Record<number, string | null>> = {
  0x80: '€', 0x81: null, 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8d: null, 0x8e: 'Ž', 0x8f: null,
  0x90: null, 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9d: null, 0x9e: 'ž', 0x9f: 'Ÿ',
};

const BYTE_OF = new Map(Object.entries(CP1252_HIGH).flatMap(([b, ch]) => (ch ? [[ch, Number(b)] as const] : [])));

/** Windows-1252 bytes for text whose characters are all in that code page (others become "?"). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => BYTE_OF.get(ch) ?? (ch.charCodeAt(0) < 0x100 ? ch.charCodeAt(0) : 0x3f)));
}
