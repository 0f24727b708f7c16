/**
 * Collated documents carry HTML fragments in their cells (<b>, <p>). Formatting tags are reduced
 * to plain text with paragraph breaks kept; any other markup (script, img, iframe...) is kept
 * verbatim as text so a modeller sees it, and is reported. Nothing here is ever rendered.
 */

const BLOCK = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote']);
const INLINE = new Set(['b', 'strong', 'i', 'em', 'u', 'span', 'font', 'sup', 'sub', 'a', 'td', 'th', 'tbody', 'thead', 's', 'small']);
// What a tag is (tagEnd reads it without a regular expression): <(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(\/?)>
const MARKUP_OR_BREAK = /[<&\n]/;
const SPACE_RUN = /[ \t]+/g;
/** Text with a run to make one space: without one, replacing each space by a space only copies the text. */
const COLLAPSIBLE = /\t| {2}/;
const oneSpaced = (text: string) => (COLLAPSIBLE.test(text) ? text.replace(SPACE_RUN, ' ') : text);
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', euro: '€',
};

const NONE: readonly string[] = Object.freeze([]);
/** Tags that become a line break or nothing. */
const FORMATTING = new Set(['br', ...BLOCK, ...INLINE]);

export interface PlainText {
  readonly text: string;
  /** Tags that are not formatting, as written, e.g. "<script>". */
  readonly foreignTags: readonly string[];
}

export function htmlToPlainText(fragment: string): PlainText {
  if (!MARKUP_OR_BREAK.test(fragment)) return { text: oneSpaced(fragment).trim(), foreignTags: NONE };
  // Most marked-up cells are one formatting tag around plain text (<b>name</b>, <p>text</p>): the text is the cell.
  const wrapped = wrappedText(fragment);
  if (wrapped !== null && !MARKUP_OR_BREAK.test(wrapped)) return { text: oneSpaced(wrapped).trim(), foreignTags: NONE };
  const foreignTags: string[] = [];
  // Each step only when its character is there: most cells hold a tag or two and no entity.
  const withBreaks = fragment.includes('<') ? replaceTags(fragment, foreignTags) : fragment;
  const decoded = withBreaks.includes('&') ? decodeEntities(withBreaks) : withBreaks;
  return { text: plainLines(decoded), foreignTags: foreignTags.length ? foreignTags : NONE };
}

/**
 * The text inside a cell that is one formatting tag without attributes around it and its own
 * closing tag (<b>name</b>), or null: htmlToPlainText's commonest case, found without building
 * anything, for the reader to take when the text needs no more work.
 */
export function wrappedText(cell: string): string | null {
  if (cell.charCodeAt(0) !== LESS || !isLetter(cell.charCodeAt(1))) return null;
  let end = 2;
  while (isLetterOrDigit(cell.charCodeAt(end))) end++;
  // "<name>" is `end` + 1 characters long and "</name>" `end` + 2.
  const close = cell.length - end - 2;
  if (cell.charCodeAt(end) !== GREATER || close <= end || cell.charCodeAt(close) !== LESS || cell.charCodeAt(close + 1) !== SLASH || cell.charCodeAt(cell.length - 1) !== GREATER) return null;
  const name = cell.slice(1, end);
  return cell.startsWith(name, close + 2) && FORMATTING.has(name.toLowerCase()) ? cell.slice(end + 1, close) : null;
}

/**
 * Formatting tags made line breaks or nothing, other tags kept and listed: what replacing every
 * match of TAG does, each tag read where a "<" is.
 */
function replaceTags(fragment: string, foreignTags: string[]): string {
  let out = '';
  let from = 0;
  let at = fragment.indexOf('<');
  while (at >= 0) {
    const end = tagEnd(fragment, at);
    if (end < 0) {
      at = fragment.indexOf('<', at + 1);
      continue;
    }
    const whole = fragment.slice(at, end);
    const tag = tagName(fragment, at).toLowerCase();
    let replacement = whole;
    if (tag === 'br' || BLOCK.has(tag)) replacement = '\n';
    else if (INLINE.has(tag)) replacement = '';
    else foreignTags.push(whole.length > 60 ? `${whole.slice(0, 57)}...` : whole);
    out += fragment.slice(from, at) + replacement;
    from = at + whole.length;
    at = fragment.indexOf('<', from);
  }
  return from === 0 ? fragment : out + fragment.slice(from);
}

/**
 * Where the tag starting at `at` ends (after its ">"), or -1 when there is none there: TAG
 * matched at one place. "<", an optional "/", a name of a letter then letters and digits, not
 * run on into "_", then anything but "<" up to the first ">".
 */
function tagEnd(s: string, at: number): number {
  let p = at + 1;
  if (s.charCodeAt(p) === SLASH) p++;
  if (!isLetter(s.charCodeAt(p))) return -1;
  p++;
  while (isLetterOrDigit(s.charCodeAt(p))) p++;
  if (s.charCodeAt(p) === UNDERSCORE) return -1;
  for (; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c === GREATER) return p + 1;
    if (c === LESS) return -1;
  }
  return -1;
}

/** The name of the tag at `at` (which tagEnd found). */
function tagName(s: string, at: number): string {
  const start = s.charCodeAt(at + 1) === SLASH ? at + 2 : at + 1;
  let end = start + 1;
  while (isLetterOrDigit(s.charCodeAt(end))) end++;
  return s.slice(start, end);
}

const [LESS, GREATER, SLASH, UNDERSCORE] = ['<', '>', '/', '_'].map((c) => c.charCodeAt(0)) as [number, number, number, number];
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isLetterOrDigit = (c: number) => isLetter(c) || (c >= 48 && c <= 57);

/** Each line's runs of spaces and tabs made one space and trimmed, empty lines dropped. */
function plainLines(text: string): string {
  if (!text.includes('\n')) return oneSpaced(text).trim();
  let out = '';
  let from = 0;
  while (from <= text.length) {
    const end = text.indexOf('\n', from);
    const line = oneSpaced(text.slice(from, end < 0 ? text.length : end)).trim();
    if (line !== '') out = out === '' ? line : `${out}\n${line}`;
    if (end < 0) break;
    from = end + 1;
  }
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}
