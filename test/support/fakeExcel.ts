/**
 * A small stand-in for the part of the Excel object model the add-in uses. It records every cell
 * as Excel would store it (text, number or formula), counts context.sync calls, and refuses to
 * hand out loaded properties before a sync, as office-js does.
 *
 * Cell input follows Excel's rules for typed input: a leading apostrophe makes text (and is not
 * stored); a cell formatted "@" takes input as text; otherwise "=..." is a formula and a numeric
 * string such as "-5" becomes a number.
 */

import { columnLetters } from '../../src/workbook/plan';

export type StoredCell =
  | { kind: 'text'; value: string; format: string }
  | { kind: 'number'; value: number; format: string }
  | { kind: 'formula'; formula: string; format: string }
  | { kind: 'empty'; format: string };

class Loadable {
  private loaded = new Set<string>();
  private pending = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}
  load(props: string): this {
    for (const p of props.split(',')) this.pending.add(p.trim());
    this.ctx.onSync(() => {
      for (const p of this.pending) this.loaded.add(p);
      this.pending.clear();
    });
    return this;
  }
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} was read before load() and sync()`);
  }
}

export class FakeContext {
  syncs = 0;
  private afterSync: Array<() => void> = [];
  readonly workbook: FakeWorkbook;
  readonly application = { suspendApiCalculationUntilNextSync: () => this.calls.push('suspendCalculation') };
  readonly calls: string[] = [];
  /** Throws on the nth sync (1-based), to simulate a host that fails mid-write. */
  failOnSync: number | null = null;

  constructor() {
    this.workbook = new FakeWorkbook(this);
  }

  onSync(f: () => void): void {
    this.afterSync.push(f);
  }

  async sync(): Promise<void> {
    this.syncs++;
    if (this.failOnSync === this.syncs) throw new Error('GeneralException: the host failed');
    const run = this.afterSync;
    this.afterSync = [];
    run.forEach((f) => f());
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly names: FakeNames;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx, this);
    this.names = new FakeNames(ctx, () => this);
  }
}

export class FakeNames extends Loadable {
  readonly list: Array<{ name: string; sheet: string; address: string; comment: string; delete: () => void; getRange: () => FakeRange }> = [];
  constructor(
    ctx: FakeContext,
    private readonly workbook: () => FakeWorkbook,
  ) {
    super(ctx);
  }
  get items() {
    this.need('items/name');
    return this.list;
  }
  add(name: string, range: FakeRange, comment = ''): void {
    if (this.list.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: name ${name}`);
    const entry = {
      name,
      sheet: range.sheetName,
      address: range.addressText,
      comment,
      delete: () => this.list.splice(this.list.indexOf(entry), 1),
      getRange: () => this.workbook().worksheets.getItem(entry.sheet).getRange(entry.address),
    };
    this.list.push(entry);
  }
  getItem(name: string) {
    const n = this.list.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!n) throw new Error(`ItemNotFound: name ${name}`);
    return n;
  }
}

class FakeWorksheets extends Loadable {
  readonly sheets: FakeWorksheet[] = [];
  get items(): FakeWorksheet[] {
    this.need('items/name');
    return this.sheets;
  }
  add(name: string): FakeWorksheet {
    if (this.find(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    const ws = new FakeWorksheet(this.ctx, name, () => this.sheets.splice(this.sheets.indexOf(ws), 1));
    this.sheets.push(ws);
    this.ctx.calls.push(`addSheet ${name}`);
    return ws;
  }
  getItem(name: string): FakeWorksheet {
    const ws = this.find(name);
    if (!ws) throw new Error(`ItemNotFound: ${name}`);
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return this.find(name) ?? FakeWorksheet.nullObject(this.ctx, name);
  }
  find(name: string): FakeWorksheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

class FakeTables extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly workbook: FakeWorkbook,
  ) {
    super(ctx);
  }
  get items(): FakeTable[] {
    this.need('items/name');
    return this.all();
  }
  all(): FakeTable[] {
    return this.workbook.worksheets.sheets.flatMap((s) => s.tables.list);
  }
  getItem(name: string): FakeTable {
    const t = this.all().find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new Error(`ItemNotFound: table ${name}`);
    return t;
  }
}

export class FakeTable {
  style = '';
  /** Change handlers, as Excel keeps them; `fire` stands for a cell of the table being edited. */
  readonly handlers: Array<() => Promise<void>> = [];
  readonly onChanged = {
    add: (handler: () => Promise<void>) => {
      this.handlers.push(handler);
      return { remove: () => void this.handlers.splice(this.handlers.indexOf(handler), 1) };
    },
  };
  async fire(): Promise<void> {
    await Promise.all(this.handlers.map((h) => h()));
  }
  constructor(
    private readonly owner: FakeSheetTables,
    public name: string,
    readonly address: string,
  ) {}
  delete(): void {
    this.owner.list.splice(this.owner.list.indexOf(this), 1);
  }
  get worksheet(): FakeWorksheet {
    return this.owner.sheet;
  }
  getHeaderRowRange(): FakeRange {
    const [from, to] = this.address.split(':') as [string, string];
    return this.owner.sheet.getRange(`${from}:${to.replace(/\d+$/, '')}${from.replace(/^[A-Z]+/, '')}`);
  }
  getDataBodyRange(): FakeRange {
    const [from, to] = this.address.split(':') as [string, string];
    return this.owner.sheet.getRange(`${from.replace(/\d+$/, '')}${Number(from.replace(/^[A-Z]+/, '')) + 1}:${to}`);
  }
}

class FakeSheetTables {
  readonly list: FakeTable[] = [];
  constructor(
    private readonly ctx: FakeContext,
    readonly sheet: FakeWorksheet,
  ) {}
  add(address: string, hasHeaders: boolean): FakeTable {
    if (!hasHeaders) throw new Error('the add-in always writes header rows');
    const t = new FakeTable(this, `Table${this.list.length + 1}`, address);
    this.list.push(t);
    this.ctx.calls.push(`addTable ${address}`);
    return t;
  }
}

export class FakeWorksheet extends Loadable {
  readonly cells = new Map<string, StoredCell>();
  readonly tables: FakeSheetTables;
  visibility = 'Visible';
  frozenRows = 0;
  /** Data validation by address: the rule, whether blanks pass, and the message a refused entry shows. */
  readonly validations = new Map<string, { rule?: unknown; ignoreBlanks?: boolean; errorAlert?: { message: string; showAlert: boolean; style: string; title: string } }>();
  readonly pageLayout = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: {} as { horizontalFitToPages?: number; verticalFitToPages?: number },
    printTitleRows: '',
    setPrintTitleRows: (rows: string) => (this.pageLayout.printTitleRows = rows),
  };
  readonly charts = new FakeCharts();
  readonly conditionalFormats: Array<{ address: string; format: { type: string; custom: { rule: { formula: string }; format: { fill: { color: string } } } } }> = [];
  private isNull = false;
  readonly freezePanes = { freezeRows: (n: number) => (this.frozenRows = n) };

  constructor(
    ctx: FakeContext,
    public name: string,
    private readonly remove: () => void = () => undefined,
  ) {
    super(ctx);
    this.tables = new FakeSheetTables(ctx, this);
  }

  delete(): void {
    this.remove();
  }

  static nullObject(ctx: FakeContext, name: string): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, name);
    ws.isNull = true;
    return ws;
  }

  get isNullObject(): boolean {
    this.need('isNullObject');
    return this.isNull;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, address ?? 'A1:XFD1048576');
  }

  getUsedRangeOrNullObject(): FakeRange {
    let maxRow = 0;
    let maxCol = 0;
    for (const [key, cell] of this.cells) {
      if (cell.kind === 'empty') continue;
      const [r, c] = key.split(',').map(Number) as [number, number];
      maxRow = Math.max(maxRow, r + 1);
      maxCol = Math.max(maxCol, c + 1);
    }
    return new FakeRange(this.ctx, this, maxRow ? `A1:${columnLetters(maxCol - 1)}${maxRow}` : null);
  }

  /** The sheet as a grid of stored cells, for assertions. */
  grid(): StoredCell[][] {
    const out: StoredCell[][] = [];
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      (out[r] ??= [])[c] = cell;
    }
    return out;
  }
}

export class FakeRange extends Loadable {
  readonly format = {
    columnWidth: 0,
    wrapText: false,
    rowsAutofitted: false,
    autofitRows: () => void (this.format.rowsAutofitted = true),
    verticalAlignment: '',
    font: { bold: false },
    fill: { color: '' },
  };
  get dataValidation() {
    const sheet = this.sheet;
    const address = this.addressText;
    const entry = () => sheet.validations.get(address) ?? sheet.validations.set(address, {}).get(address)!;
    return {
      set rule(rule: unknown) {
        entry().rule = rule;
      },
      set ignoreBlanks(v: boolean) {
        entry().ignoreBlanks = v;
      },
      set errorAlert(v: { message: string; showAlert: boolean; style: string; title: string }) {
        entry().errorAlert = v;
      },
    };
  }
  readonly conditionalFormats = {
    add: (type: string) => {
      const format = { type, custom: { rule: { formula: '' }, format: { fill: { color: '' } } } };
      this.sheet.conditionalFormats.push({ address: this.addressText, format });
      return format;
    },
  };
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly address: string | null,
  ) {
    super(ctx);
  }

  get sheetName(): string {
    return this.sheet.name;
  }

  /** The cell at a 0-based position inside this range. */
  getCell(row: number, col: number): FakeRange {
    const { r0, c0 } = this.bounds();
    return new FakeRange(this.ctx, this.sheet, `${columnLetters(c0 + col)}${r0 + row + 1}`);
  }

  get addressText(): string {
    return this.address ?? '';
  }

  /** Like `values`, but as typed input: a string starting "=" is a formula unless the cell is formatted as text. */
  set formulas(values: (string | number | boolean)[][]) {
    this.values = values;
  }

  get isNullObject(): boolean {
    this.need('isNullObject');
    return this.address === null;
  }

  private bounds(): { r0: number; c0: number; r1: number; c1: number } {
    const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/.exec(this.address ?? '');
    if (!m) throw new Error(`InvalidArgument: address ${this.address}`);
    const r0 = m[2] ? Number(m[2]) - 1 : 0;
    const r1 = m[4] ? Number(m[4]) - 1 : m[3] ? 1048575 : r0;
    return { r0, c0: column(m[1]!), r1, c1: m[3] ? column(m[3]) : column(m[1]!) };
  }

  set numberFormat(formats: string[][]) {
    const { r0, c0 } = this.bounds();
    this.checkShape(formats);
    formats.forEach((row, i) =>
      row.forEach((f, j) => {
        const key = `${r0 + i},${c0 + j}`;
        const cell = this.sheet.cells.get(key) ?? { kind: 'empty', format: 'General' };
        this.sheet.cells.set(key, { ...cell, format: f });
      }),
    );
  }

  set values(values: (string | number | boolean)[][]) {
    const { r0, c0 } = this.bounds();
    this.checkShape(values);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const key = `${r0 + i},${c0 + j}`;
        const format = this.sheet.cells.get(key)?.format ?? 'General';
        const stored = asExcelWouldStore(v, format);
        // Excel refuses a formula naming a table column that does not exist (yet).
        if (stored.kind === 'formula') {
          const tables = new Set(this.ctx.workbook.tables.all().map((t) => t.name.toLowerCase()));
          for (const m of stored.formula.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\[/g)) {
            if (!tables.has(m[1]!.toLowerCase())) throw new Error(`InvalidArgument: the formula in ${this.sheet.name} names table ${m[1]}, which does not exist`);
          }
        }
        this.sheet.cells.set(key, stored);
      }),
    );
  }

  get values(): unknown[][] {
    this.need('values');
    const { r0, c0, r1, c1 } = this.bounds();
    const out: unknown[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row: unknown[] = [];
      for (let c = c0; c <= c1; c++) {
        const cell = this.sheet.cells.get(`${r},${c}`);
        row.push(!cell || cell.kind === 'empty' ? '' : cell.kind === 'formula' ? cell.formula : cell.value);
      }
      out.push(row);
    }
    return out;
  }

  clear(): void {
    const { r0, c0, r1, c1 } = this.bounds();
    for (const key of [...this.sheet.cells.keys()]) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (r >= r0 && r <= r1 && c >= c0 && c <= c1) this.sheet.cells.delete(key);
    }
  }

  private checkShape(values: unknown[][]): void {
    const { r0, c0, r1, c1 } = this.bounds();
    if (values.length !== r1 - r0 + 1 || values.some((r) => r.length !== c1 - c0 + 1)) {
      throw new Error(`InvalidArgument: ${values.length}x${values[0]?.length} values for ${this.address}`);
    }
  }
}

function asExcelWouldStore(v: string | number | boolean, format: string): StoredCell {
  if (typeof v === 'number') return { kind: 'number', value: v, format };
  if (typeof v === 'boolean') return { kind: 'text', value: String(v), format };
  if (v === '') return { kind: 'empty', format };
  if (v.startsWith("'")) return { kind: 'text', value: v.slice(1), format };
  if (format === '@') return { kind: 'text', value: v, format };
  if (v.startsWith('=')) return { kind: 'formula', formula: v, format };
  if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) return { kind: 'number', value: Number(v), format };
  return { kind: 'text', value: v, format };
}

function column(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** The fake, typed as the real thing for the code under test. */
export function asExcelContext(ctx: FakeContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}

export interface FakeChart {
  type: string;
  seriesBy: string;
  series: Array<{ name: string; values: string; x: string; hidden: boolean }>;
  title: { text: string };
  position: string[];
  legend: { visible: boolean };
  axes: { valueAxis: { numberFormat: string; minimum: number | undefined }; categoryAxis: { reversePlotOrder: boolean } };
}

/** Charts as the add-in builds them: type, title, each series' values and categories, position. */
export class FakeCharts {
  readonly list: FakeChart[] = [];
  private loaded = false;
  load(): this {
    this.loaded = true;
    return this;
  }
  get items(): Array<FakeChart & { delete(): void }> {
    if (!this.loaded) throw new Error('PropertyNotLoaded: charts');
    return this.list.map((c) => Object.assign(c, { delete: () => this.list.splice(this.list.indexOf(c), 1) }));
  }
  add(type: string, source: FakeRange, seriesBy: string): unknown {
    const series: Array<{ name: string; values: string; x: string; hidden: boolean }> = [{ name: 'header', values: source.addressText, x: '', hidden: false }];
    const seriesApi = (s: (typeof series)[number]) => ({
      setXAxisValues: (r: FakeRange) => (s.x = r.addressText),
      setValues: (r: FakeRange) => (s.values = r.addressText),
      format: { fill: { clear: () => (s.hidden = true) } },
    });
    const chart = {
      type,
      seriesBy,
      series,
      title: { text: '' },
      position: ['', ''],
      legend: { visible: true },
      axes: { valueAxis: { numberFormat: '', minimum: undefined as number | undefined }, categoryAxis: { reversePlotOrder: false } },
      setPosition: (from: string, to: string) => (chart.position = [from, to]),
    };
    const api = Object.assign(chart, {
      series: Object.assign(series, {
        getItemAt: (i: number) => seriesApi(series[i]!),
        add: (name: string) => {
          const s = { name, values: '', x: '', hidden: false };
          series.push(s);
          return seriesApi(s);
        },
      }),
    });
    this.list.push(api);
    return api;
  }
}
