/**
 * Normalisation shared by the answer parsers: respondents type dashes, non-breaking spaces,
 * smart quotes and (after a bad copy) mojibake; the parsers only ever see one form.
 */

/** The most text a workbook cell of this project holds (Excel's own limit is 32,767): longer text is cut there, with a finding. */
export const CELL_TEXT_LIMIT = 32_000;

const MOJIBAKE: Readonly<Record<string, string>> = {
  'Â£': '£',
  'â€“': '–',
  'â€”': '—',
  'â€˜': '‘',
  'â€™': '’',
  'â€œ': '“',
  'â€\u009d': '”',
  'Â\u00a0': ' ',
};
const MOJIBAKE_RE = new RegExp(Object.keys(MOJIBAKE).join('|'), 'g');

const NOT_PLAIN_ASCII = /[^\x20-\x7e\t]/;
// Control characters carry no text, a spreadsheet file cannot hold the C0 ones, and C1 ones
// (U+0080–U+009F) are terminal commands: none is kept.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const ODD_SPACE = /[\u00a0\u2007\u202f\u2009\u200a]/g;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const SINGLE_QUOTE = /[\u2018\u2019\u201b\u2032]/g;
const DOUBLE_QUOTE = /[\u201c\u201d\u201f\u2033]/g;
const SPACE_RUN = /[ \t]+/g;
/** Text with a run to make one space: without one, replacing each space by a space only copies the text. */
const COLLAPSIBLE = /\t| {2}/;
const oneSpaced = (text: string) => (COLLAPSIBLE.test(text) ? text.replace(SPACE_RUN, ' ') : text);
const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/** Repairs UTF-8 read as Windows-1252 and unifies spacing and quotes; keeps case and dashes. */
export function cleanText(text: string): string {
  let out = text;
  // Most cells are plain ASCII: only text with other characters needs the repairs.
  if (NOT_PLAIN_ASCII.test(out)) {
    out = out
      .replace(MOJIBAKE_RE, (bad) => MOJIBAKE[bad]!)
      .replace(CONTROL, '')
      .replace(ODD_SPACE, ' ')
      .replace(INVISIBLE, '')
      .replace(SINGLE_QUOTE, "'")
      .replace(DOUBLE_QUOTE, '"');
  }
  return oneSpaced(out).trim();
}

/** The form the answer grammars match against: cleaned, lower case, every dash a hyphen. */
export function answerKey(text: string): string {
  return cleanText(text).toLowerCase().replace(DASH, '-');
}

const NO_ANSWER = /^(?:|-+|\.+|n\/?a\.?|not applicable\.?|no comments?\.?|no response\.?|blank)$/;

/** Answers that mean "nothing was said" in both the cost and the lead-time columns. */
export function isNoAnswer(key: string): boolean {
  return NO_ANSWER.test(key);
}
