/**
 * A small stand-in for the part of the Excel object model the add-in uses, behaving as Excel does
 * where the add-in depends on it. As in office-js, calls are queued and run when `context.sync()`
 * sends them: a sync is one request, refused whole when its payload passes Excel on the web's
 * limit, and otherwise run in order up to the first call Excel refuses (the calls before it stay
 * done, the rest are dropped). Loaded properties are handed out only after a sync. Errors are
 * shaped like office-js's (`code`, `message`, `debugInfo`), with Excel's codes.
 *
 * It records every cell as Excel would store it (text, number or formula) and counts syncs and
 * the size of each request. Cell input follows Excel's rules for typed input: a leading apostrophe
 * makes text (and is not stored); a cell formatted "@" takes input as text; otherwise "=..." is a
 * formula and a numeric string such as "-5" becomes a number.
 *
 * What it enforces, each with the code Excel gives (see README, "What the fake Excel enforces"):
 * the request and response payload limit, sheet names, table and defined names and their comments,
 * data-validation list sources and alert texts, cell text and formula lengths, array shapes against
 * their range, addresses inside the grid, the cells one read may return, tables that overlap, and
 * names that point at more than one area.
 */

import { columnLetters } from '../../src/workbook/plan';

/** Excel on the web refuses a request, and a response, of more than 5 MB (RequestPayloadSizeLimitExceeded). */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5_000_000;
/**
 * What one queued call adds to a request besides its data: office-js sends each as an action, and
 * the object path it acts on with the action that makes it (ids, types, method or property name,
 * address), about this many bytes of JSON.
 */
export const OPERATION_BYTES = 200;
/** A read of more cells than this is refused (RangeExceedsLimit). */
export const READ_CELLS_LIMIT = 5_000_000;
export const SHEET_NAME_LIMIT = 31;
/** Table and defined names; a defined name's comment too. */
export const NAME_LIMIT = 255;
export const NAME_COMMENT_LIMIT = 255;
/** A data-validation list typed as its source ("a,b,c"). */
export const LIST_SOURCE_LIMIT = 255;
export const ERROR_ALERT_TITLE_LIMIT = 32;
export const ERROR_ALERT_MESSAGE_LIMIT = 225;
export const CELL_TEXT_LIMIT = 32_767;
export const FORMULA_LIMIT = 8_192;
export const ADDRESS_LIMIT = 8_192;
const GRID_ROWS = 1_048_576;
const GRID_COLUMNS = 16_384;

export type ExcelErrorCode =
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RangeExceedsLimit'
  | 'InvalidArgument'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'MergedRangeConflict'
  | 'GeneralException';

/** Excel's own message for each code (office-js passes these through; they are not the add-in's). */
const MESSAGES: Record<ExcelErrorCode, string> = {
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidReference: 'This reference is not valid for the current operation.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: 'The requested resource doesn’t exist.',
  MergedRangeConflict: 'Cannot complete the operation. A table can’t overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.',
  GeneralException: 'There was an internal error while processing the request.',
};

/**
 * An error as office-js rejects `context.sync()` with (OfficeExtension.Error): Excel's code and
 * message; `debugInfo.errorLocation` names the call and `debugInfo.statement` says what the fake
 * saw, for the test that reads it.
 */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly traceMessages: string[] = [];
  readonly innerError = null;
  readonly debugInfo: { code: ExcelErrorCode; message: string; errorLocation: string; statement: string };
  constructor(
    readonly code: ExcelErrorCode,
    where: string,
    detail: string,
  ) {
    super(MESSAGES[code]);
    this.debugInfo = { code, message: MESSAGES[code], errorLocation: where, statement: detail };
  }
}

const refuse = (code: ExcelErrorCode, where: string, detail: string): never => {
  throw new FakeOfficeError(code, where, detail);
};

/** Bytes of a value as JSON in UTF-8, as it travels in a request or response. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++; // a surrogate pair: 4 bytes for 2 units
    else if (c >= 0x800) bytes += 2;
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

interface Operation {
  readonly where: string;
  readonly bytes: number;
  readonly run: () => void;
}

interface Load {
  /** Reads what the load asks for: the response bytes, and what to keep once the response is sent. */
  measure(): { bytes: number; commit: () => void };
}

export class FakeContext {
  syncs = 0;
  /** The payload limit of one request and one response; tests may lower it. */
  payloadLimit = EXCEL_WEB_PAYLOAD_LIMIT;
  /** The estimated size of each sync's request, in bytes, in order. */
  readonly requests: number[] = [];
  /** The estimated size of each sync's response, in bytes, in order. */
  readonly responses: number[] = [];
  readonly workbook: FakeWorkbook;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => this.enqueue('Application.suspendApiCalculationUntilNextSync', undefined, () => this.calls.push('suspendCalculation')),
  };
  /** Calls Excel carried out that tests look for (sheets and tables added, calculation suspended). */
  readonly calls: string[] = [];
  /** Throws on the nth sync (1-based) before Excel runs any of it, as a host that fails mid-write. */
  failOnSync: number | null = null;
  private queue: Operation[] = [];
  private loads: Load[] = [];
  private readonly batchEnd: Array<() => void> = [];

  constructor() {
    this.workbook = new FakeWorkbook(this);
  }

  /** Queues a call to send at the next sync: `data` is what it carries (counted in the request). */
  enqueue(where: string, data: unknown, run: () => void): void {
    this.queue.push({ where, bytes: OPERATION_BYTES + (data === undefined ? 0 : jsonBytes(data)), run });
  }

  requestLoad(load: Load): void {
    this.loads.push(load);
  }

  /** Runs when a sync ends, sent or not: objects created in that batch stop being findable by name unless Excel made them. */
  onBatchEnd(f: () => void): void {
    this.batchEnd.push(f);
  }

  /** The request the next sync would send, in bytes. */
  get queuedBytes(): number {
    return this.queue.reduce((n, op) => n + op.bytes, 0) + this.loads.length * OPERATION_BYTES;
  }

  async sync(): Promise<void> {
    this.syncs++;
    const request = this.queuedBytes;
    const queue = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    this.requests.push(request);
    try {
      if (this.failOnSync === this.syncs) refuse('GeneralException', 'RequestContext.sync', 'the host failed (failOnSync)');
      if (request > this.payloadLimit) {
        refuse('RequestPayloadSizeLimitExceeded', 'RequestContext.sync', `a request of ${request.toLocaleString('en-GB')} bytes (${queue.length} calls); the limit is ${this.payloadLimit.toLocaleString('en-GB')}`);
      }
      for (const op of queue) op.run();
      const read = loads.map((l) => l.measure());
      const response = read.reduce((n, r) => n + r.bytes, 0);
      this.responses.push(response);
      if (response > this.payloadLimit) {
        refuse('ResponsePayloadSizeLimitExceeded', 'RequestContext.sync', `a response of ${response.toLocaleString('en-GB')} bytes; the limit is ${this.payloadLimit.toLocaleString('en-GB')}`);
      }
      read.forEach((r) => r.commit());
    } finally {
      this.batchEnd.forEach((f) => f());
    }
  }

  /**
   * Carries out what is queued at once, outside any request: how a test sets the workbook up as a
   * user left it. No sync is counted and no payload limit applies; Excel's other rules still do.
   */
  settle(): void {
    const queue = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    try {
      for (const op of queue) op.run();
      loads.forEach((l) => l.measure().commit());
    } finally {
      this.batchEnd.forEach((f) => f());
    }
  }
}

class Loadable {
  private loaded = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}
  load(props: string): this {
    const list = props.split(',').map((p) => p.trim());
    this.ctx.requestLoad({
      measure: () => {
        const { bytes, keep } = this.read(list);
        return {
          bytes,
          commit: () => {
            keep();
            for (const p of list) this.loaded.add(p);
          },
        };
      },
    });
    return this;
  }
  /** What a load of these properties returns: its size, and how to keep it. Lists of names by default. */
  protected read(props: readonly string[]): { bytes: number; keep: () => void } {
    return { bytes: OPERATION_BYTES * props.length, keep: () => undefined };
  }
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} was read before load() and sync()`);
  }
}

/**
 * A plain object whose property assignments are queued calls, as office-js proxies are: `format.fill.color = x`
 * is sent, and lands, at the next sync. Methods on the object queue themselves.
 */
function queued<T extends object>(ctx: FakeContext, where: string, target: T): T {
  return new Proxy(target, {
    get(t, p, r) {
      const v: unknown = Reflect.get(t, p, r);
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? queued(ctx, `${where}.${String(p)}`, v) : v;
    },
    set(t, p, v) {
      ctx.enqueue(`${where}.${String(p)}`, v, () => void Reflect.set(t, p, v));
      return true;
    },
  });
}

/** Excel's rule for a worksheet's name; null when the name is allowed. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'a sheet name cannot be empty';
  if (name.length > SHEET_NAME_LIMIT) return `the sheet name "${name}" has ${name.length} characters; Excel allows ${SHEET_NAME_LIMIT}`;
  const bad = /[:\\/?*[\]]/.exec(name);
  if (bad) return `the sheet name "${name}" contains ${bad[0]}`;
  if (name.startsWith("'") || name.endsWith("'")) return `the sheet name "${name}" starts or ends with an apostrophe`;
  if (name.toLowerCase() === 'history') return 'History is a name Excel keeps for itself';
  return null;
}

/** Excel's rule for a table's or a defined name's name; null when the name is allowed. */
export function definedNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > NAME_LIMIT) return `the name "${name.slice(0, 40)}" has ${name.length} characters; Excel allows 1 to ${NAME_LIMIT}`;
  if (!/^[\p{L}_\\][\p{L}\p{N}._\\]*$/u.test(name)) return `the name "${name}" must start with a letter, _ or \\ and hold only letters, digits, . and _`;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && column(a1[1]!.toUpperCase()) < GRID_COLUMNS && Number(a1[2]) >= 1 && Number(a1[2]) <= GRID_ROWS) return `the name "${name}" is a cell reference`;
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return `the name "${name}" is an R1C1 reference`;
  return null;
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
  /** Table and defined names share one namespace in Excel: a name taken by either, case aside. */
  nameTaken(name: string, except?: unknown): boolean {
    const lower = name.toLowerCase();
    return this.tables.all().some((t) => t !== except && t.name.toLowerCase() === lower) || this.names.list.some((n) => n !== except && n.name.toLowerCase() === lower);
  }
}

export interface FakeName {
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  readonly comment: string;
  delete(): void;
  getRange(): FakeRange;
}

export class FakeNames extends Loadable {
  readonly list: FakeName[] = [];
  private pending: FakeName[] = [];
  constructor(
    ctx: FakeContext,
    private readonly workbook: () => FakeWorkbook,
  ) {
    super(ctx);
    ctx.onBatchEnd(() => (this.pending = []));
  }
  get items(): FakeName[] {
    this.need('items/name');
    return this.list;
  }
  add(name: string, range: FakeRange, comment = ''): FakeName {
    const entry: FakeName = {
      name,
      sheet: range.sheetName,
      address: range.addressText,
      comment,
      delete: () => this.ctx.enqueue('NamedItem.delete', undefined, () => void this.list.splice(this.list.indexOf(entry), 1)),
      getRange: () => {
        // A name over several areas has no single range.
        if (entry.address.includes(',')) this.ctx.enqueue('NamedItem.getRange', undefined, () => refuse('InvalidReference', 'NamedItem.getRange', `${name} refers to ${entry.address}`));
        return this.workbook().worksheets.getItem(entry.sheet).getRange(entry.address.split(',')[0]);
      },
    };
    this.pending.push(entry);
    this.ctx.enqueue('NamedItemCollection.add', { name, reference: `${range.sheetName}!${range.addressText}`, comment }, () => {
      const problem = definedNameProblem(name);
      if (problem) refuse('InvalidArgument', 'NamedItemCollection.add', problem);
      if (comment.length > NAME_COMMENT_LIMIT) refuse('InvalidArgument', 'NamedItemCollection.add', `the comment on ${name} has ${comment.length} characters; Excel allows ${NAME_COMMENT_LIMIT}`);
      if (this.workbook().nameTaken(name)) refuse('ItemAlreadyExists', 'NamedItemCollection.add', `${name} is already a table or a defined name`);
      range.requireOnSheet('NamedItemCollection.add');
      this.list.push(entry);
    });
    return entry;
  }
  getItem(name: string): FakeName {
    const lower = name.toLowerCase();
    const found = this.list.find((x) => x.name.toLowerCase() === lower) ?? this.pending.find((x) => x.name.toLowerCase() === lower);
    if (found) return found;
    this.ctx.enqueue('NamedItemCollection.getItem', name, () => refuse('ItemNotFound', 'NamedItemCollection.getItem', `no name ${name}`));
    return { name, sheet: '', address: 'A1', comment: '', delete: () => undefined, getRange: () => new FakeWorksheet(this.ctx, '', null).getRange('A1') };
  }
}

export class FakeWorksheets extends Loadable {
  readonly sheets: FakeWorksheet[] = [];
  private pending: FakeWorksheet[] = [];
  constructor(ctx: FakeContext) {
    super(ctx);
    ctx.onBatchEnd(() => (this.pending = []));
  }
  get items(): FakeWorksheet[] {
    this.need('items/name');
    return this.sheets;
  }
  protected override read(): { bytes: number; keep: () => void } {
    return { bytes: jsonBytes(this.sheets.map((s) => ({ name: s.name }))), keep: () => undefined };
  }
  add(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, name, this);
    this.pending.push(ws);
    this.ctx.enqueue('WorksheetCollection.add', name, () => {
      const problem = sheetNameProblem(name);
      if (problem) refuse('InvalidArgument', 'WorksheetCollection.add', problem);
      if (this.find(name)) refuse('ItemAlreadyExists', 'WorksheetCollection.add', `a sheet named ${this.find(name)!.name} exists (names are compared without case)`);
      this.sheets.push(ws);
      this.ctx.calls.push(`addSheet ${name}`);
    });
    return ws;
  }
  getItem(name: string): FakeWorksheet {
    const ws = this.find(name) ?? this.pending.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (ws) return ws;
    this.ctx.enqueue('WorksheetCollection.getItem', name, () => refuse('ItemNotFound', 'WorksheetCollection.getItem', `no sheet named ${name}`));
    return new FakeWorksheet(this.ctx, name, null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return this.find(name) ?? FakeWorksheet.nullObject(this.ctx, name);
  }
  find(name: string): FakeWorksheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /** Excel's part of a sheet's delete. */
  remove(ws: FakeWorksheet): void {
    const i = this.sheets.indexOf(ws);
    if (i < 0) refuse('ItemNotFound', 'Worksheet.delete', `the sheet ${ws.name} is not in the workbook`);
    this.sheets.splice(i, 1);
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
  protected override read(): { bytes: number; keep: () => void } {
    return { bytes: jsonBytes(this.all().map((t) => ({ name: t.name }))), keep: () => undefined };
  }
  all(): FakeTable[] {
    return this.workbook.worksheets.sheets.flatMap((s) => s.tables.list);
  }
  getItem(name: string): FakeTable {
    const t = this.all().find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (t) return t;
    this.ctx.enqueue('TableCollection.getItem', name, () => refuse('ItemNotFound', 'TableCollection.getItem', `no table named ${name}`));
    return new FakeTable(this.ctx, new FakeWorksheet(this.ctx, '', null).tables, name, 'A1:A2');
  }
}

export class FakeTable {
  private tableName: string;
  private tableStyle = '';
  /** Change handlers, as Excel keeps them; `fire` stands for a cell of the table being edited. */
  readonly handlers: Array<() => Promise<void>> = [];
  readonly onChanged = {
    add: (handler: () => Promise<void>) => {
      this.ctx.enqueue('Table.onChanged.add', undefined, () => undefined);
      this.handlers.push(handler);
      return { remove: () => void this.handlers.splice(this.handlers.indexOf(handler), 1) };
    },
  };
  async fire(): Promise<void> {
    await Promise.all(this.handlers.map((h) => h()));
  }
  constructor(
    private readonly ctx: FakeContext,
    private readonly owner: FakeSheetTables,
    name: string,
    readonly address: string,
  ) {
    this.tableName = name;
  }
  get name(): string {
    return this.tableName;
  }
  set name(name: string) {
    this.ctx.enqueue('Table.name', name, () => {
      const problem = definedNameProblem(name);
      if (problem) refuse('InvalidArgument', 'Table.name', problem);
      if (this.ctx.workbook.nameTaken(name, this)) refuse('ItemAlreadyExists', 'Table.name', `${name} is already a table or a defined name`);
      this.tableName = name;
    });
  }
  /** The name Excel gives a table it adds. */
  takeName(name: string): void {
    this.tableName = name;
  }
  get style(): string {
    return this.tableStyle;
  }
  set style(style: string) {
    this.ctx.enqueue('Table.style', style, () => void (this.tableStyle = style));
  }
  delete(): void {
    this.ctx.enqueue('Table.delete', undefined, () => {
      const i = this.owner.list.indexOf(this);
      if (i < 0) refuse('ItemNotFound', 'Table.delete', `the table ${this.name} is not in the workbook`);
      this.owner.list.splice(i, 1);
    });
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
    const table = new FakeTable(this.ctx, this, '', address);
    this.ctx.enqueue('TableCollection.add', { address, hasHeaders }, () => {
      this.sheet.requireInWorkbook('TableCollection.add');
      const area = bounds(address, 'TableCollection.add');
      for (const other of this.list) {
        const o = bounds(other.address, 'TableCollection.add');
        if (area.r0 <= o.r1 && o.r0 <= area.r1 && area.c0 <= o.c1 && o.c0 <= area.c1) refuse('MergedRangeConflict', 'TableCollection.add', `${address} overlaps ${other.name} at ${other.address}`);
      }
      // Excel names the table Table1, Table2 ... and makes the header row's cells distinct text.
      let n = 1;
      while (this.ctx.workbook.nameTaken(`Table${n}`)) n++;
      table.takeName(`Table${n}`);
      this.sheet.settleHeaders(area);
      this.list.push(table);
      this.ctx.calls.push(`addTable ${address}`);
    });
    return table;
  }
}

export class FakeWorksheet extends Loadable {
  readonly cells = new Map<string, StoredCell>();
  readonly tables: FakeSheetTables;
  private sheetVisibility = 'Visible';
  frozenRows = 0;
  /** Data validation by address: the rule, whether blanks pass, and the message a refused entry shows. */
  readonly validations = new Map<string, { rule?: unknown; ignoreBlanks?: boolean; errorAlert?: { message: string; showAlert: boolean; style: string; title: string } }>();
  readonly pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number };
    printTitleRows: string;
    setPrintTitleRows: (rows: string) => void;
  };
  readonly charts: FakeCharts;
  readonly conditionalFormats: Array<{ address: string; format: { type: string; custom: { rule: { formula: string }; format: { fill: { color: string } } } } }> = [];
  private isNull = false;
  readonly freezePanes = { freezeRows: (n: number) => this.ctx.enqueue('Worksheet.freezePanes.freezeRows', n, () => void (this.frozenRows = n)) };

  constructor(
    ctx: FakeContext,
    public name: string,
    private readonly collection: FakeWorksheets | null,
  ) {
    super(ctx);
    this.tables = new FakeSheetTables(ctx, this);
    this.charts = new FakeCharts(ctx, this);
    const layout = {
      orientation: 'Portrait',
      paperSize: 'Letter',
      zoom: {} as { horizontalFitToPages?: number; verticalFitToPages?: number },
      printTitleRows: '',
      setPrintTitleRows: (rows: string) => ctx.enqueue('PageLayout.setPrintTitleRows', rows, () => void (layout.printTitleRows = rows)),
    };
    this.pageLayout = queued(ctx, 'PageLayout', layout);
  }

  get visibility(): string {
    return this.sheetVisibility;
  }
  set visibility(v: string) {
    this.ctx.enqueue('Worksheet.visibility', v, () => void (this.sheetVisibility = v));
  }

  delete(): void {
    this.ctx.enqueue('Worksheet.delete', undefined, () => {
      if (!this.collection) refuse('ItemNotFound', 'Worksheet.delete', `no sheet named ${this.name}`);
      this.collection!.remove(this);
    });
  }

  /** Refuses a call on a sheet that is not (or no longer) in the workbook. */
  requireInWorkbook(where: string): void {
    if (!this.collection?.sheets.includes(this)) refuse('ItemNotFound', where, `the sheet ${this.name} is not in the workbook`);
  }

  static nullObject(ctx: FakeContext, name: string): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, name, null);
    ws.isNull = true;
    return ws;
  }

  /** As in Excel, known after the sync that follows the *OrNullObject call, with no load. */
  get isNullObject(): boolean {
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

  /** A new table's header row as Excel leaves it: each cell text, blanks named Column1..., repeats numbered. */
  settleHeaders(area: Bounds): void {
    const seen = new Set<string>();
    for (let c = area.c0; c <= area.c1; c++) {
      const key = `${area.r0},${c}`;
      const cell = this.cells.get(key);
      const given = !cell || cell.kind === 'empty' ? `Column${c - area.c0 + 1}` : cell.kind === 'formula' ? cell.formula : String(cell.value);
      let text = given;
      for (let i = 2; seen.has(text.toLowerCase()); i++) text = `${given}${i}`;
      seen.add(text.toLowerCase());
      this.cells.set(key, { kind: 'text', value: text, format: cell?.format ?? 'General' });
    }
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

export type StoredCell =
  | { kind: 'text'; value: string; format: string }
  | { kind: 'number'; value: number; format: string }
  | { kind: 'formula'; formula: string; format: string }
  | { kind: 'empty'; format: string };

interface Bounds {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** An A1 address's rows and columns (0-based), refused as Excel refuses it: too long, malformed, or off the grid. */
function bounds(address: string, where: string): Bounds {
  if (address.length > ADDRESS_LIMIT) refuse('InvalidArgument', where, `an address of ${address.length} characters; Excel allows ${ADDRESS_LIMIT}`);
  const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/.exec(address);
  if (!m) return refuse('InvalidArgument', where, `the address ${address}`);
  const r0 = m[2] ? Number(m[2]) - 1 : 0;
  const r1 = m[4] ? Number(m[4]) - 1 : m[3] ? GRID_ROWS - 1 : r0;
  const c0 = column(m[1]!);
  const c1 = m[3] ? column(m[3]) : c0;
  if (r0 < 0 || r1 >= GRID_ROWS || c1 >= GRID_COLUMNS || r1 < r0 || c1 < c0) refuse('InvalidArgument', where, `${address} is not a range on a sheet of ${GRID_ROWS.toLocaleString('en-GB')} rows and ${GRID_COLUMNS.toLocaleString('en-GB')} columns`);
  return { r0, c0, r1, c1 };
}

type Alert = { message: string; showAlert: boolean; style: string; title: string };

export class FakeRange extends Loadable {
  private loadedValues: unknown[][] = [];
  readonly format: {
    columnWidth: number;
    wrapText: boolean;
    rowsAutofitted: boolean;
    autofitRows: () => void;
    verticalAlignment: string;
    font: { bold: boolean };
    fill: { color: string };
  };
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly area: string | null,
  ) {
    super(ctx);
    const format = {
      columnWidth: 0,
      wrapText: false,
      rowsAutofitted: false,
      autofitRows: () => ctx.enqueue('RangeFormat.autofitRows', undefined, () => void (format.rowsAutofitted = true)),
      verticalAlignment: '',
      font: { bold: false },
      fill: { color: '' },
    };
    this.format = queued(ctx, 'RangeFormat', format);
  }

  get dataValidation() {
    const ctx = this.ctx;
    const sheet = this.sheet;
    const address = this.addressText;
    const entry = () => sheet.validations.get(address) ?? sheet.validations.set(address, {}).get(address)!;
    return {
      set rule(rule: unknown) {
        ctx.enqueue('DataValidation.rule', rule, () => {
          const source = (rule as { list?: { source?: string } }).list?.source;
          if (source !== undefined && source.length > LIST_SOURCE_LIMIT) {
            refuse('InvalidArgument', 'DataValidation.rule', `a list source of ${source.length} characters; Excel allows ${LIST_SOURCE_LIMIT}`);
          }
          entry().rule = rule;
        });
      },
      set ignoreBlanks(v: boolean) {
        ctx.enqueue('DataValidation.ignoreBlanks', v, () => void (entry().ignoreBlanks = v));
      },
      set errorAlert(v: Alert) {
        ctx.enqueue('DataValidation.errorAlert', v, () => {
          if (v.title.length > ERROR_ALERT_TITLE_LIMIT) refuse('InvalidArgument', 'DataValidation.errorAlert', `a title of ${v.title.length} characters; Excel allows ${ERROR_ALERT_TITLE_LIMIT}`);
          if (v.message.length > ERROR_ALERT_MESSAGE_LIMIT) refuse('InvalidArgument', 'DataValidation.errorAlert', `a message of ${v.message.length} characters; Excel allows ${ERROR_ALERT_MESSAGE_LIMIT}`);
          entry().errorAlert = v;
        });
      },
    };
  }

  readonly conditionalFormats = {
    add: (type: string) => {
      const format = { type, custom: { rule: { formula: '' }, format: { fill: { color: '' } } } };
      this.ctx.enqueue('ConditionalFormatCollection.add', type, () => void this.sheet.conditionalFormats.push({ address: this.addressText, format }));
      return queued(this.ctx, 'ConditionalFormat', format);
    },
  };

  get sheetName(): string {
    return this.sheet.name;
  }

  /** The cell at a 0-based position inside this range. */
  getCell(row: number, col: number): FakeRange {
    const { r0, c0 } = bounds(this.addressText, 'Range.getCell');
    return new FakeRange(this.ctx, this.sheet, `${columnLetters(c0 + col)}${r0 + row + 1}`);
  }

  get addressText(): string {
    return this.area ?? '';
  }

  requireOnSheet(where: string): void {
    this.sheet.requireInWorkbook(where);
    bounds(this.addressText, where);
  }

  /** Like `values`, but as typed input: a string starting "=" is a formula unless the cell is formatted as text. */
  set formulas(values: (string | number | boolean)[][]) {
    this.ctx.enqueue('Range.formulas', values, () => this.write(values, 'Range.formulas'));
  }

  /** As in Excel, known after the sync that follows the *OrNullObject call, with no load. */
  get isNullObject(): boolean {
    return this.area === null;
  }

  set numberFormat(formats: string[][]) {
    this.ctx.enqueue('Range.numberFormat', formats, () => {
      const { r0, c0 } = this.checked(formats, 'Range.numberFormat');
      formats.forEach((row, i) =>
        row.forEach((f, j) => {
          const key = `${r0 + i},${c0 + j}`;
          const cell = this.sheet.cells.get(key) ?? { kind: 'empty', format: 'General' };
          this.sheet.cells.set(key, { ...cell, format: f });
        }),
      );
    });
  }

  set values(values: (string | number | boolean)[][]) {
    this.ctx.enqueue('Range.values', values, () => this.write(values, 'Range.values'));
  }

  get values(): unknown[][] {
    this.need('values');
    return this.loadedValues;
  }

  /** The address with its sheet, as Excel gives it ("'Lead times'!A2:O6"). */
  get address(): string {
    this.need('address');
    return `'${this.sheet.name.replace(/'/g, "''")}'!${this.addressText}`;
  }
  get rowCount(): number {
    this.need('rowCount');
    const b = bounds(this.addressText, 'Range.rowCount');
    return b.r1 - b.r0 + 1;
  }
  get columnCount(): number {
    this.need('columnCount');
    const b = bounds(this.addressText, 'Range.columnCount');
    return b.c1 - b.c0 + 1;
  }

  protected override read(props: readonly string[]): { bytes: number; keep: () => void } {
    if (!props.includes('values') || this.area === null) return { bytes: OPERATION_BYTES, keep: () => undefined };
    const { r0, c0, r1, c1 } = bounds(this.area, 'Range.load');
    const count = (r1 - r0 + 1) * (c1 - c0 + 1);
    if (count > READ_CELLS_LIMIT) refuse('RangeExceedsLimit', 'Range.load', `a read of ${count.toLocaleString('en-GB')} cells; Excel allows ${READ_CELLS_LIMIT.toLocaleString('en-GB')}`);
    const out: unknown[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row: unknown[] = [];
      for (let c = c0; c <= c1; c++) {
        const cell = this.sheet.cells.get(`${r},${c}`);
        row.push(!cell || cell.kind === 'empty' ? '' : cell.kind === 'formula' ? cell.formula : cell.value);
      }
      out.push(row);
    }
    return { bytes: jsonBytes(out), keep: () => void (this.loadedValues = out) };
  }

  clear(): void {
    this.ctx.enqueue('Range.clear', undefined, () => {
      this.sheet.requireInWorkbook('Range.clear');
      const { r0, c0, r1, c1 } = bounds(this.addressText, 'Range.clear');
      for (const key of [...this.sheet.cells.keys()]) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        if (r >= r0 && r <= r1 && c >= c0 && c <= c1) this.sheet.cells.delete(key);
      }
    });
  }

  /** Excel's part of a values or formulas write: the shape, each cell's length, and the tables formulas name. */
  private write(values: (string | number | boolean)[][], where: string): void {
    const { r0, c0 } = this.checked(values, where);
    const tables = new Set(this.ctx.workbook.tables.all().map((t) => t.name.toLowerCase()));
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const at = `${columnLetters(c0 + j)}${r0 + i + 1}`;
        if (v === undefined || v === null) refuse('InvalidArgument', where, `no value for ${at}`);
        const key = `${r0 + i},${c0 + j}`;
        const format = this.sheet.cells.get(key)?.format ?? 'General';
        const stored = asExcelWouldStore(v, format);
        if (stored.kind === 'text' && stored.value.length > CELL_TEXT_LIMIT) refuse('InvalidArgument', where, `${this.sheet.name}!${at} holds ${stored.value.length} characters; a cell holds ${CELL_TEXT_LIMIT}`);
        if (stored.kind === 'formula') {
          if (stored.formula.length > FORMULA_LIMIT) refuse('InvalidArgument', where, `the formula in ${this.sheet.name}!${at} has ${stored.formula.length} characters; Excel allows ${FORMULA_LIMIT}`);
          // Excel refuses a formula naming a table column that does not exist (yet).
          for (const m of stored.formula.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\[/g)) {
            if (!tables.has(m[1]!.toLowerCase())) refuse('InvalidArgument', where, `the formula in ${this.sheet.name}!${at} names table ${m[1]}, which does not exist`);
          }
        }
        this.sheet.cells.set(key, stored);
      }),
    );
  }

  /** The range's bounds, once the array fits it exactly, as Excel requires. */
  private checked(values: unknown[][], where: string): Bounds {
    this.sheet.requireInWorkbook(where);
    const b = bounds(this.addressText, where);
    const rows = b.r1 - b.r0 + 1;
    const cols = b.c1 - b.c0 + 1;
    if (!Array.isArray(values) || values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== cols)) {
      const got = Array.isArray(values) ? `${values.length}x${Array.isArray(values[0]) ? values[0].length : '?'}` : typeof values;
      refuse('InvalidArgument', where, `${got} values for ${this.area} (${rows}x${cols})`);
    }
    return b;
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
export class FakeCharts extends Loadable {
  readonly list: FakeChart[] = [];
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  get items(): Array<FakeChart & { delete(): void }> {
    this.need('items/name');
    return this.list.map((c) => Object.assign(c, { delete: () => this.ctx.enqueue('Chart.delete', undefined, () => void this.list.splice(this.list.indexOf(c), 1)) }));
  }
  add(type: string, source: FakeRange, seriesBy: string): unknown {
    const ctx = this.ctx;
    const series: Array<{ name: string; values: string; x: string; hidden: boolean }> = [{ name: 'header', values: source.addressText, x: '', hidden: false }];
    const seriesApi = (s: () => (typeof series)[number]) => ({
      setXAxisValues: (r: FakeRange) => ctx.enqueue('ChartSeries.setXAxisValues', r.addressText, () => void (s().x = r.addressText)),
      setValues: (r: FakeRange) => ctx.enqueue('ChartSeries.setValues', r.addressText, () => void (s().values = r.addressText)),
      format: { fill: { clear: () => ctx.enqueue('ChartFill.clear', undefined, () => void (s().hidden = true)) } },
    });
    const chart: FakeChart & { setPosition: (from: string, to: string) => void } = {
      type,
      seriesBy,
      series,
      title: { text: '' },
      position: ['', ''],
      legend: { visible: true },
      axes: { valueAxis: { numberFormat: '', minimum: undefined }, categoryAxis: { reversePlotOrder: false } },
      setPosition: (from: string, to: string) => ctx.enqueue('Chart.setPosition', [from, to], () => void (chart.position = [from, to])),
    };
    Object.assign(series, {
      getItemAt: (i: number) => seriesApi(() => series[i]!),
      add: (name: string) => {
        const s = { name, values: '', x: '', hidden: false };
        ctx.enqueue('ChartSeriesCollection.add', name, () => void series.push(s));
        return seriesApi(() => s);
      },
    });
    ctx.enqueue('ChartCollection.add', { type, source: source.addressText, seriesBy }, () => {
      this.sheet.requireInWorkbook('ChartCollection.add');
      this.list.push(chart);
    });
    return queued(ctx, 'Chart', chart);
  }
}
