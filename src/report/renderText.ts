import type { ReportTable } from './reportTables';

/** Markdown: a heading, the sentence, a pipe table, the notes. Cell text has pipes escaped and line breaks folded. */
export function renderMarkdown(tables: readonly ReportTable[], heading: string): string {
  const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const parts = [`# ${cell(heading)}`, ''];
  tables.forEach((t, i) => {
    parts.push(`## Table ${i + 1}: ${cell(t.title)}`, '', t.narrative, '');
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
 * CSV of one table (RFC 4180). Cells that a spreadsheet could take for a formula are neutralised
 * with a leading apostrophe, so opening the file never runs anything a respondent wrote.
 */
export function renderCsv(table: ReportTable): string {
  const field = (s: string) => {
    // A lone dash is how respondents write "no answer": no spreadsheet reads it as a formula.
    const safe = s !== '-' && FORMULA_START.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${[table.columns.map((c) => c.header), ...table.rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/**
 * HTML for the clipboard, styled inline because Word keeps inline borders and alignment when it
 * pastes. Every piece of text is escaped: nothing in a cell is ever markup.
 */
export function renderHtml(tables: readonly ReportTable[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '<br>');
  const border = 'border:1px solid #8c8c8c;padding:3pt 6pt;font-family:Arial,sans-serif;font-size:10pt;vertical-align:top';
  return tables
    .map((t, i) => {
      const head = t.columns.map((c) => `<th style="${border};background:#d9e2f3;text-align:${c.align}">${esc(c.header)}</th>`).join('');
      const body = t.rows.map((r) => `<tr>${r.map((v, j) => `<td style="${border};text-align:${t.columns[j]!.align}">${esc(v)}</td>`).join('')}</tr>`).join('');
      const notes = t.notes.map((n) => `<p style="font-family:Arial,sans-serif;font-size:9pt;font-style:italic;margin:2pt 0">${esc(n)}</p>`).join('');
      return (
        `<p style="font-family:Arial,sans-serif;font-size:10pt;font-weight:bold;margin:12pt 0 3pt">Table ${i + 1}: ${esc(t.title)}</p>` +
        `<p style="font-family:Arial,sans-serif;font-size:10pt;margin:0 0 6pt">${esc(t.narrative)}</p>` +
        `<table data-table-id="${esc(t.id)}" style="border-collapse:collapse"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${notes}`
      );
    })
    .join('\n');
}
