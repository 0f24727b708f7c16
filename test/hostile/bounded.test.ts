import JSZip from 'jszip';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { MAX_TABLE_ROWS } from '../../src/import/docxCollation';
import { MAX_DOCUMENT_XML_BYTES, MAX_XML_DEPTH } from '../../src/import/docxPackage';
import { importDocuments, type ImportResult } from '../../src/import/importText';
import { readRangeCollation } from '../../src/import/rangeCollation';
import { collationDocx } from '../support/docxFixture';
import { seedText } from '../support/seed';
import { syntheticAnnex } from '../support/synthetic';

/**
 * Bounded work on hostile input. Each reader is timed on a pathological input against ordinary
 * input of the same size in the same run, as a ratio, never in milliseconds: the goal, 10×, is
 * asserted on the best of three runs of each, so a moment of noise on a busy machine does not
 * fail it. Limits refuse with one line; parts of a Word file that are not read are findings.
 */

const RATIO_GOAL = 10;
const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (name: string, bytes: Uint8Array) => importDocuments([{ name, bytes }]);

async function bestOf(runs: number, f: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await f();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Pathological time over ordinary time, best of three each; an ordinary time already measured (an expensive one, shared) can be passed instead. */
async function ratio(hostile: () => Promise<unknown>, ordinary: (() => Promise<unknown>) | number): Promise<number> {
  const h = await bestOf(3, hostile);
  return h / (typeof ordinary === 'number' ? ordinary : await bestOf(3, ordinary));
}

/** The seed-like synthetic collation, cut to `size` characters. */
function ordinaryText(size: number): string {
  return syntheticAnnex(Math.ceil(size / 120)).slice(0, size);
}

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const documentXml = (body: string, prolog = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document ${NS}><w:body>${body}</w:body></w:document>`;
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraph = (text: string, style = '') => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
const row = (cells: readonly string[]) => `<w:tr>${cells.map((c) => `<w:tc>${paragraph(c)}</w:tc>`).join('')}</w:tr>`;
const grid = (columns: number) => `<w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(columns)}</w:tblGrid>`;

/** A collation in the text form as Word XML: "#" lines as headings, runs of tab-separated lines as tables. */
function collationXml(text: string): string {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) out.push(`<w:tbl>${grid(Math.max(...rows.map((r) => r.length)))}${rows.map(row).join('')}</w:tbl>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) rows.push(line.split('\t'));
    else {
      flush();
      const heading = /^(#+) (.*)$/.exec(line);
      out.push(heading ? paragraph(heading[2]!, `Heading${heading[1]!.length}`) : paragraph(line));
    }
  }
  flush();
  return out.join('');
}

async function docx(xml: string, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression, compressionOptions: { level: 6 } });
}

/** An ordinary Word collation whose document.xml is about `size` characters. */
async function ordinaryDocx(size: number): Promise<Uint8Array> {
  const perRespondent = collationXml(syntheticAnnex(100)).length / 100;
  return docx(documentXml(collationXml(syntheticAnnex(Math.max(1, Math.round(size / perRespondent))))));
}

/** A collation of one respondent answering a cost and a lead-time question; `extraCell` goes into the cost rationale's cell, `extraBlock` after the cost table. */
function answersBody(extraCell = '', extraBlock = ''): string {
  return [
    paragraph('MP990 ‘Hostile’', 'Heading1'),
    paragraph('Question 1: Will your organisation incur any costs?', 'Heading2'),
    `<w:tbl>${grid(4)}${row(['Question 1', '', '', ''])}${row(['Respondent', 'Category', 'Response', 'Rationale'])}`,
    `<w:tr><w:tc>${paragraph('Acme Ltd')}</w:tc><w:tc>${paragraph('Large Supplier')}</w:tc><w:tc>${paragraph('£100k')}</w:tc><w:tc>${paragraph('Costs.')}${extraCell}</w:tc></w:tr></w:tbl>`,
    extraBlock,
    paragraph('Question 2: How long would you need to implement?', 'Heading2'),
    `<w:tbl>${grid(4)}${row(['Question 2', '', '', ''])}${row(['Respondent', 'Category', 'Response', 'Rationale'])}${row(['Acme Ltd', 'Large Supplier', '6 months', '-'])}</w:tbl>`,
  ].join('');
}

/**
 * A zip written byte by byte, so its recorded sizes and checksum can be anything: JSZip would
 * write the truth. `deflated` is raw deflate data.
 */
function rawZip(name: string, deflated: Uint8Array, recorded: { size: number; crc: number }): Uint8Array {
  const fileName = Buffer.from(name);
  // The fields the local and central headers share: version needed, flags, method (deflate), time, date (1 Jan 1980), checksum, sizes, name length.
  const shared = (header: Buffer, at: number) => {
    [20, 0, 8, 0, 0x21].forEach((v, i) => header.writeUInt16LE(v, at + 2 * i));
    header.writeUInt32LE(recorded.crc >>> 0, at + 10);
    header.writeUInt32LE(deflated.length, at + 14);
    header.writeUInt32LE(recorded.size, at + 18);
    header.writeUInt16LE(fileName.length, at + 22);
  };
  const localHeader = Buffer.alloc(30);
  localHeader.writeUInt32LE(0x04034b50, 0);
  shared(localHeader, 4);
  const centralHeader = Buffer.alloc(46);
  centralHeader.writeUInt32LE(0x02014b50, 0);
  centralHeader.writeUInt16LE(20, 4);
  shared(centralHeader, 6);
  const local = Buffer.concat([localHeader, fileName, deflated]);
  const central = Buffer.concat([centralHeader, fileName]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  return new Uint8Array(Buffer.concat([local, central, end]));
}

/** Raw deflate data that inflates to `megabytes` MB of "a": one flushed block repeated, so it is built in moments. */
function deflatedBomb(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1_000_000, 'a'), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return new Uint8Array(Buffer.concat([...Array.from({ length: megabytes }, () => block), deflateRawSync(Buffer.alloc(0))]));
}

const refusal = (r: ImportResult) => r.fatal;
const messages = (r: ImportResult) => r.findings.map((f) => f.message);

describe('linear-time reading of text', () => {
  const size = 200_000;
  const ordinary = utf8(ordinaryText(size));
  test.each([
    ['200 KB of blank lines', '\n'.repeat(size)],
    ['200 KB of lines of spaces', ' \n'.repeat(size / 2)],
    // U+3000 (an ideographic space) and ‘ are three bytes each in UTF-8.
    ['a form line of spaces ending in a line separator', `Respondent: Acme\nQuestion 1${'\u3000'.repeat(size / 3 - 20)}a\u2028b`],
    ['a heading of spaces ending in a line separator', `# Question 1${' '.repeat(size - 20)}a\u2028b`],
    ['a heading of unclosed quotes', `# MP1 ${'‘'.repeat(size / 3 - 10)}`],
    ['a heading of spaces before "responses"', `# consultation${'\u3000'.repeat(size / 3 - 10)}x`],
    ['a cell of asterisks', `## Question 1: x\nRespondent\tCategory\tResponse\nA\tB\t*${'*'.repeat(size - 60)}x`],
    ['a cell continued over 14,000 lines', `## Question 1: x\nRespondent\tCategory\tResponse\tRationale\nA\tB\tC\tstart\n${'\t\t\tmore words\n'.repeat(size / 14)}`],
  ])('%s reads within the bound', async (_, text) => {
    const bytes = utf8(text);
    expect(Math.abs(bytes.length - ordinary.length)).toBeLessThan(size * 0.2);
    expect(await ratio(() => read('doc.txt', bytes), () => read('doc.txt', ordinary))).toBeLessThanOrEqual(RATIO_GOAL);
  });
});

test('a selected range whose question cell is a run of separators reads within the bound', async () => {
  const header = ['Respondent', 'Category', 'Question', 'Response'];
  const hostile = [header, ['Acme', 'Large Supplier', `4${':'.repeat(30_000)}\nx\ny`, '£100k']];
  const ordinary = [header, ...Array.from({ length: 1000 }, (_, i) => [`Respondent ${i}`, 'Large Supplier', '4: Will you incur costs?', '£100k'])];
  expect(JSON.stringify(ordinary).length).toBeGreaterThan(JSON.stringify(hostile).length);
  const range = (values: string[][]) => async () => readRangeCollation(values, 'Sheet1');
  expect(await ratio(range(hostile), range(ordinary))).toBeLessThanOrEqual(RATIO_GOAL);
});

describe('limits of the Word reader', () => {
  test('a Word file of many empty paragraphs reads within the bound', async () => {
    const hostile = await docx(documentXml('<w:p/>'.repeat(60_000)));
    const xmlSize = documentXml('<w:p/>'.repeat(60_000)).length;
    const ordinary = await ordinaryDocx(xmlSize);
    expect(await ratio(() => read('doc.docx', hostile), () => read('doc.docx', ordinary))).toBeLessThanOrEqual(RATIO_GOAL);
  });

  test('a cell claiming to span 1e9 columns is read as spanning what its table has, with a finding', async () => {
    const spanned = answersBody().replace('<w:tc>', '<w:tc><w:tcPr><w:gridSpan w:val="1e9"/></w:tcPr>');
    const r = await read('doc.docx', await docx(documentXml(spanned)));
    expect(refusal(r)).toBeNull();
    expect(messages(r)).toContain('a table cell claims to span 1,000,000,000 columns, more than its table has: read as spanning 4');
    const rows = `<w:tbl>${grid(4)}${'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1e9"/></w:tcPr><w:p/></w:tc></w:tr>'.repeat(2000)}</w:tbl>`;
    const hostile = await docx(documentXml(rows));
    const spans = (await read('doc.docx', hostile)).findings.filter((f) => f.text === 'gridSpan 1000000000');
    expect(spans).toHaveLength(21);
    expect(spans[20]!.message).toBe('1,980 more table cells claim to span more columns than their table has (the first 20 are listed)');
    const ordinary = await ordinaryDocx(documentXml(rows).length);
    expect(await ratio(() => read('doc.docx', hostile), () => read('doc.docx', ordinary))).toBeLessThanOrEqual(RATIO_GOAL);
  });

  test(`a table of 100,000 rows is refused (more than ${MAX_TABLE_ROWS.toLocaleString('en-GB')})`, async () => {
    const xml = documentXml(`<w:tbl>${grid(1)}${'<w:tr><w:tc><w:p/></w:tc></w:tr>'.repeat(100_000)}</w:tbl>`);
    const hostile = await docx(xml);
    expect(refusal(await read('doc.docx', hostile))).toBe('a table in the document has 100,000 rows; the limit is 20,000 (a collation\'s tables have a row per respondent)');
    const ordinary = await ordinaryDocx(xml.length);
    expect(await ratio(() => read('doc.docx', hostile), () => read('doc.docx', ordinary))).toBeLessThanOrEqual(RATIO_GOAL);
  }, 120_000);

  test('a zip bomb is refused before it is inflated, and one that hides its size once inflation passes the limit', async () => {
    const bomb = deflatedBomb(300);
    const honest = rawZip('word/document.xml', bomb, { size: 300_000_000, crc: 0 });
    const hiding = rawZip('word/document.xml', bomb, { size: 1000, crc: 0 });
    expect(honest.length).toBeLessThan(1_000_000);
    expect(refusal(await read('bomb.docx', honest))).toBe(`the document's text (word/document.xml) unpacks to 300 MB; the limit is ${MAX_DOCUMENT_XML_BYTES / 1e6} MB`);
    const rssBefore = process.memoryUsage().rss;
    expect(refusal(await read('bomb.docx', hiding))).toBe(`the document's text (word/document.xml) unpacks to more than 40 MB; the limit is 40 MB`);
    // Generous: inflation stops at the limit, so the growth is a fraction of the 300 MB the file holds.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(250_000_000);
    // Against an ordinary Word file far smaller than the bomb (one of its size holds ~15 MB of XML and
    // takes seconds): a stricter bound, and a quick one. Timed once for both.
    const ordinary = await ordinaryDocx(1_000_000);
    expect(ordinary.length).toBeLessThan(honest.length);
    const ordinaryMs = await bestOf(3, () => read('doc.docx', ordinary));
    expect(await ratio(() => read('bomb.docx', honest), ordinaryMs)).toBeLessThanOrEqual(RATIO_GOAL);
    expect(await ratio(() => read('bomb.docx', hiding), ordinaryMs)).toBeLessThanOrEqual(RATIO_GOAL);
  }, 120_000);

  const ENTITIES = 'the document declares XML entities, which a Word document never does';
  test.each([
    ['a billion laughs', '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>', '&c;'],
    ['an external entity', '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '&x;'],
    ['20,000 entities', `<!DOCTYPE w:document [${Array.from({ length: 20_000 }, (_, i) => `<!ENTITY e${i} "x">`).join('')}]>`, '&e1;'],
    ['a 100,000-character entity', `<!DOCTYPE w:document [<!ENTITY big "${'x'.repeat(100_000)}">]>`, '&big;'],
    ['a DOCTYPE alone', '<!DOCTYPE w:document SYSTEM "http://example.invalid/w.dtd">', ''],
  ])('%s is refused', async (_, prolog, use) => {
    const xml = documentXml(answersBody().replace('Costs.', `Costs ${use}.`), prolog);
    const hostile = await docx(xml);
    expect(refusal(await read('doc.docx', hostile))).toBe(ENTITIES);
    const ordinary = await ordinaryDocx(xml.length);
    expect(await ratio(() => read('doc.docx', hostile), () => read('doc.docx', ordinary))).toBeLessThanOrEqual(RATIO_GOAL);
  });

  test('40 nested tables are refused as nested too deep', async () => {
    const nested = Array.from({ length: 40 }).reduce<string>((inner) => `<w:tbl><w:tr><w:tc>${inner}<w:p/></w:tc></w:tr></w:tbl>`, paragraph('deep'));
    const r = await read('doc.docx', await docx(documentXml(nested)));
    expect(refusal(r)).toBe(`the document's XML is nested more than ${MAX_XML_DEPTH} levels deep (tables inside tables?); a Word document is far shallower`);
  });

  test('a table inside a table cell is a finding', async () => {
    const r = await read('doc.docx', await docx(documentXml(answersBody(`<w:tbl>${row(['inner'])}</w:tbl>`))));
    expect(refusal(r)).toBeNull();
    expect(r.findings).toContainEqual(expect.objectContaining({ severity: 'warning', line: 6, message: 'a table inside a table cell was not read: what it says is not in the import' }));
  });

  test('malformed XML is reported as malformed, not as an empty document', async () => {
    const r = await read('doc.docx', await docx(documentXml(answersBody()).replace('</w:body>', '')));
    expect(refusal(r)).toMatch(/^the document's XML is malformed \(line 1, column \d+: .*w:body.*\)$/);
  });

  test('a changed byte is refused by the zip checksum: £100k read as £900k', async () => {
    const bytes = await docx(documentXml(answersBody()), 'STORE');
    expect((await read('doc.docx', bytes)).analysis.results[0]!.cost).toMatchObject({ kind: 'band', low: 100_000 });
    const at = Buffer.from(bytes).indexOf('£100k');
    const flipped = bytes.slice();
    flipped[at + 2] = flipped[at + 2]! ^ 0x08; // "1" (0x31) becomes "9" (0x39)
    expect(refusal(await read('doc.docx', flipped))).toBe('the file is damaged: its document text fails the zip checksum, so its figures cannot be trusted');
  });

  test('damaged compressed data is refused as damaged', async () => {
    const bytes = await collationDocx(seedText());
    // The part's data follows its name in its local header (JSZip writes no extra field).
    const start = Buffer.from(bytes).indexOf('word/document.xml') + 'word/document.xml'.length;
    const damaged = bytes.slice();
    for (let i = 100; i < 140; i++) damaged[start + i] = damaged[start + i]! ^ 0xff;
    expect(refusal(await read('doc.docx', damaged))).toMatch(/^the file is damaged: /);
  });

  test('a part longer than its recorded size, though within the limit, is refused as damaged', async () => {
    const xml = Buffer.from(documentXml(answersBody()));
    const lying = rawZip('word/document.xml', deflateRawSync(xml), { size: 100, crc: crc32(xml) });
    expect(refusal(await read('doc.docx', lying))).toBe('the file is damaged: its document text could not be unpacked');
  });
});

describe('nothing dropped silently', () => {
  test('an altChunk, a text box, an embedded object and a footnote are findings at their lines', async () => {
    const textBox = '<w:r><w:drawing><wp:anchor xmlns:wp="wp"><a:graphic xmlns:a="a"><w:txbxContent><w:p><w:r><w:t>£5m</w:t></w:r></w:p></w:txbxContent></a:graphic></wp:anchor></w:drawing></w:r>';
    const body = answersBody(`<w:p>${textBox}<w:r><w:object/></w:r></w:p>`, '<w:altChunk r:id="htmlChunk"/><w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>');
    const r = await read('doc.docx', await docx(documentXml(body)));
    expect(refusal(r)).toBeNull();
    const unread = r.findings.filter((f) => f.message.includes('was not read')).map((f) => [f.line, f.message]);
    expect(unread).toEqual([
      // Line 6 is Acme's row (its rationale cell); the altChunk stands where line 8, the footnote's paragraph, begins.
      [6, 'a text box in a table cell was not read: what it says is not in the import'],
      [6, 'an embedded object in a table cell was not read: what it says is not in the import'],
      [8, 'embedded content (an altChunk: HTML or another document inside this one) was not read: what it says is not in the import'],
      [8, 'a footnote was not read: what it says is not in the import'],
    ]);
    expect(r.analysis.results.map((x) => [x.respondent.name, x.cost.kind])).toEqual([['Acme Ltd', 'band']]);
  });

  test('a flood of unread parts is listed 20 at a time', async () => {
    const r = await read('doc.docx', await docx(documentXml(answersBody('', '<w:altChunk r:id="x"/>'.repeat(5000)))));
    const altChunks = r.findings.filter((f) => f.text === 'w:altChunk').map((f) => f.message);
    expect(altChunks).toHaveLength(21);
    expect(altChunks[20]).toBe('4,980 more pieces of embedded content (altChunks) were not read (the first 20 are listed)');
  });

  test('content controls and custom XML are read through', async () => {
    const wrapped = answersBody()
      .replace('<w:tc>', '<w:sdt><w:sdtContent><w:tc>')
      .replace('</w:tc>', '</w:tc></w:sdtContent></w:sdt>')
      .replace('<w:r><w:t xml:space="preserve">£100k', '<w:customXml w:element="cost"><w:r><w:t xml:space="preserve">£100k')
      .replace('£100k</w:t></w:r>', '£100k</w:t></w:r></w:customXml>');
    const r = await read('doc.docx', await docx(documentXml(wrapped)));
    expect(r.findings.filter((f) => f.message.includes('not read'))).toEqual([]);
    expect(r.analysis.results.map((x) => [x.respondent.name, x.cost.kind])).toEqual([['Acme Ltd', 'band']]);
  });
});

describe('control characters', () => {
  test('C1 controls are removed from what the readers produce', async () => {
    const text = seedText().replace(/Utilita Energy Ltd/g, 'Utilita\u009b31m Energy\u0085 Ltd').replace('6 – 8 Months', '6\u009b – 8 Months\u0090');
    const { consultation } = (await read('doc.txt', utf8(text))).analysis;
    expect(consultation.respondents.map((x) => x.name)).toContain('Utilita31m Energy Ltd');
    const produced = [...consultation.respondents.map((x) => x.name), ...consultation.answers.flatMap((a) => [a.response, a.rationale, ...Object.values(a.extra)])];
    expect(produced.filter((t) => /[\u0080-\u009f]/.test(t))).toEqual([]);
  });

  test('a Windows-1252 file keeps its dashes and quotes (bytes 0x80–0x9F), which Node alone decodes as C1 controls', async () => {
    const special: Record<string, number> = { '£': 0xa3, '–': 0x96, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94 };
    const cp1252 = Uint8Array.from([...seedText()], (ch) => special[ch] ?? (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x3f));
    const r = await read('doc.txt', cp1252);
    expect(r.analysis.results.find((x) => x.respondent.name === 'Utilita Energy Ltd')!.leadTime.text).toBe('6 – 8 Months');
  });
});
