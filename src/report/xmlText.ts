/**
 * Text for XML, as docx escapes it: the five markup characters, and control characters XML cannot
 * hold dropped. (ExcelJS drops U+007F as well, which XML can hold: a workbook cell keeps it.)
 */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => XML_ESCAPES[c] ?? '');
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
