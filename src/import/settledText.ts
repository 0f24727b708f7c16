/**
 * Text every reading of a cell leaves as it is: words one space apart, of characters that markup,
 * cleanText and trimming all keep, with no asterisk at either end (bold in markdown). Such a cell is
 * its own line and its own piece, and the reader takes it without more work. Most cells are, so this
 * is asked of nearly every cell: one pass over the characters, without a regular expression.
 */
export function isSettled(text: string): boolean {
  const last = text.length - 1;
  if (last < 0 || text.charCodeAt(0) === STAR || text.charCodeAt(last) === STAR) return false;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE) {
      // One space between words: not first, last or after another.
      if (i === 0 || i === last || text.charCodeAt(i - 1) === SPACE) return false;
    } else if (c < 0x80 ? c <= SPACE || c === LESS || c === AMPERSAND || c === 0x7f : !settledBeyondAscii(c)) {
      return false;
    }
  }
  return true;
}

const SPACE = 0x20;
const STAR = 0x2a;
const LESS = 0x3c;
const AMPERSAND = 0x26;

/**
 * A character above ASCII that is settled: not a C1 control, a space of any width, an invisible
 * mark (zero-width, direction), a curly quote or prime, or the first character of mojibake ("Â", "â").
 */
function settledBeyondAscii(c: number): boolean {
  if (c < 0x2000) return c > 0xa0 && c !== 0xc2 && c !== 0xe2 && c !== 0x1680;
  if (c <= 0x206f) {
    return !(
      c <= 0x200f ||
      c === 0x2018 || c === 0x2019 || c === 0x201b || c === 0x201c || c === 0x201d || c === 0x201f ||
      (c >= 0x2028 && c <= 0x202f) ||
      c === 0x2032 || c === 0x2033 || c === 0x205f ||
      (c >= 0x2066 && c <= 0x2069)
    );
  }
  return c !== 0x3000 && c !== 0xfeff;
}
