/**
 * Collated documents carry HTML fragments in their cells (<b>, <p>). Formatting tags are reduced
 * to plain text with paragraph breaks kept; any other markup (script, img, iframe...) is kept
 * verbatim as text so a modeller sees it, and is reported. Nothing here is ever rendered.
 */

const BLOCK = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote']);
const INLINE = new Set(['b', 'strong', 'i', 'em', 'u', 'span', 'font', 'sup', 'sub', 'a', 'td', 'th', 'tbody', 'thead', 's', 'small']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(\/?)>/g;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', euro: '€',
};

export interface PlainText {
  readonly text: string;
  /** Tags that are not formatting, as written, e.g. "<script>". */
  readonly foreignTags: readonly string[];
}

export function htmlToPlainText(fragment: string): PlainText {
  if (!/[<&\n]/.test(fragment)) return { text: fragment.replace(/[ \t]+/g, ' ').trim(), foreignTags: [] };
  const foreignTags: string[] = [];
  const withBreaks = fragment.replace(TAG, (whole: string, _close: string, name: string) => {
    const tag = name.toLowerCase();
    if (tag === 'br') return '\n';
    if (BLOCK.has(tag)) return '\n';
    if (INLINE.has(tag)) return '';
    foreignTags.push(whole.length > 60 ? `${whole.slice(0, 57)}...` : whole);
    return whole;
  });
  const text = decodeEntities(withBreaks)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  return { text, foreignTags };
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}
