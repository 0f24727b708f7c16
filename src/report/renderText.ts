import { roundAsExcel } from '../model/money';
import type { PlainFigure } from './liveText';
import type { TableWords } from './reportTables';

const escapeMarkup = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Markdown: a heading, the sentence, a pipe table, the notes. Text is HTML-escaped (Markdown
 * renders raw HTML, and answers can hold it), pipes escaped and line breaks folded.
 */
export function renderMarkdown(tables: readonly TableWords[], heading: string): string {
  const cell = (s: string) => escapeMarkup(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const parts = [`# ${cell(heading)}`, ''];
  tables.forEach((t, i) => {
    parts.push(`## Table ${i + 1}: ${cell(t.title)}`, '', cell(t.narrative), '');
    parts.push(`| ${t.columns.map((c) => cell(c.header)).join(' | ')} |`);
    parts.push(`| ${t.columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`);
    for (const row of t.rows) parts.push(`| ${row.map(cell).join(' | ')} |`);
    parts.push('');
    for (const note of t.notes) parts.push(`*${cell(note)}*`, '');
  });
  return `${parts.join('\n').trimEnd()}\n`;
}

// A cell a spreadsheet would read as a formula, or as a command in some CSV importers.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV of one table (RFC 4180), UTF-8 with a byte-order mark so Excel on Windows reads £ right.
 * Each column of figures is followed by the same figures as plain numbers (pounds, percentages,
 * months, ISO dates; a range as low and high), blank where the cell is words. Cells that a
 * spreadsheet could take for a formula are neutralised with a leading apostrophe, so opening the
 * file never runs anything a respondent wrote.
 */
export function renderCsv(table: TableWords): string {
  const field = (v: string | number) => {
    if (typeof v === 'number') return String(v);
    // A lone dash is how respondents write "no answer": no spreadsheet reads it as a formula.
    const safe = v !== '-' && FORMULA_START.test(v) ? `'${v}` : v;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const figures = table.columns.map((_, j) => table.figures.map((r) => r[j] ?? null));
  // A column whose text is already each figure as a plain number (a count) needs no copy.
  const plainAlready = (j: number) => figures[j]!.every((f, i) => !f || (f.low === f.high && table.rows[i]![j] === String(f.low)));
  const extra = table.columns.map((c, j) => (plainAlready(j) ? [] : figureHeaders(c.header, figures[j]!)));
  const header = table.columns.flatMap((c, j) => [c.header, ...extra[j]!]);
  const rows = table.rows.map((r, i) => r.flatMap((v, j) => [v, ...figureCells(figures[j]![i] ?? null, extra[j]!.length)]));
  return `\ufeff${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

const UNIT_LABEL: Readonly<Record<PlainFigure['unit'], string>> = { gbp: '£', share: '%', months: 'months', number: 'number', date: 'date' };

/** The plain columns a column of figures gets: none for words, one for single figures, low and high for ranges. */
function figureHeaders(header: string, column: readonly (PlainFigure | null)[]): string[] {
  const first = column.find((f) => f !== null);
  if (!first) return [];
  const unit = UNIT_LABEL[first.unit];
  return column.some((f) => f && f.low !== f.high) ? [`${header}, low (${unit})`, `${header}, high (${unit})`] : [`${header} (${unit})`];
}

function figureCells(f: PlainFigure | null, width: number): (string | number)[] {
  // Pounds to the penny and shares as percentages, as a spreadsheet would show them.
  const plain = (x: number | string) => (typeof x !== 'number' ? x : f?.unit === 'share' ? roundAsExcel(x * 100, 10) : f?.unit === 'gbp' ? roundAsExcel(x, 2) : x);
  if (!f) return Array<string>(width).fill('');
  return width === 2 ? [plain(f.low), plain(f.high)] : width === 1 ? [plain(f.low)] : [];
}

/**
 * HTML for the clipboard, styled inline because Word keeps inline borders and alignment when it
 * pastes. Every piece of text is escaped: nothing in a cell is ever markup.
 */
export function renderHtml(tables: readonly TableWords[]): string {
  const esc = (s: string) => escapeMarkup(s).replace(/"/g, '&quot;').replace(/\n/g, '<br>');
  const border = 'border:1px solid #8c8c8c;padding:3pt 6pt;font-family:Arial,sans-serif;font-size:10pt;vertical-align:top';
  return tables
    .map((t, i) => {
      const head = t.columns.map((c) => `<th style="${border};background:#d9e2f3;text-align:${c.align}">${esc(c.header)}</th>`).join('');
      const body = t.rows.map((r) => `<tr>${r.map((v, j) => `<td style="${border};text-align:${t.columns[j]!.align}">${esc(v)}</td>`).join('')}</tr>`).join('');
      const notes = t.notes.map((n) => `<p style="font-family:Arial,sans-serif;font-size:9pt;font-style:italic;margin:2pt 0">${esc(n)}</p>`).join('');
      return (
        `<p style="font-family:Arial,sans-serif;font-size:10pt;margin:12pt 0 6pt">${esc(t.narrative)}</p>` +
        `<table data-table-id="${esc(t.id)}" style="border-collapse:collapse"><caption style="caption-side:top;text-align:left;font-family:Arial,sans-serif;font-size:10pt;font-weight:bold;margin:0 0 3pt">Table ${i + 1}: ${esc(t.title)}</caption>` +
        `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${notes}`
      );
    })
    .join('\n');
}
