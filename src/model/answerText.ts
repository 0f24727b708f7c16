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

/** Repairs UTF-8 read as Windows-1252 and unifies spacing and quotes; keeps case and dashes. */
export function cleanText(text: string): string {
  let out = text;
  // Most cells are plain ASCII: only text with other characters needs the repairs.
  if (/[^\x20-\x7e\t]/.test(out)) {
    out = out
      .replace(MOJIBAKE_RE, (bad) => MOJIBAKE[bad]!)
      // Control characters carry no text, a spreadsheet file cannot hold the C0 ones, and C1 ones
      // (U+0080–U+009F) are terminal commands: none is kept.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
      .replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ')
      .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
      .replace(/[\u201c\u201d\u201f\u2033]/g, '"');
  }
  return out.replace(/[ \t]+/g, ' ').trim();
}

/** The form the answer grammars match against: cleaned, lower case, every dash a hyphen. */
export function answerKey(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-');
}

/** Answers that mean "nothing was said" in both the cost and the lead-time columns. */
export function isNoAnswer(key: string): boolean {
  return /^(?:|-+|\.+|n\/?a\.?|not applicable\.?|no comments?\.?|no response\.?|blank)$/.test(key);
}
