/**
 * A small stand-in for the part of Word's object model the add-in uses: the document's content
 * controls (with their tags) and the selection, over a document body held as XML. It counts
 * context.sync calls, applies queued changes at a sync, and refuses to hand out properties before
 * a load and a sync, as office-js does.
 */

import { taggedControls } from '../../src/report/reportPieces';

/** The body XML of a flat package, as Word takes it in. */
function bodyOf(ooxml: string): string {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(ooxml);
  if (!body || !ooxml.startsWith('<pkg:package')) throw new Error('InvalidArgument: not a flat OOXML package');
  return body[1]!;
}

export class FakeWordContext {
  syncs = 0;
  private queued: Array<() => void> = [];
  readonly document: { contentControls: FakeControls; getSelection(): { insertOoxml(ooxml: string, where: string): void } };
  /** The packages Word was given, in order. */
  readonly inserted: string[] = [];

  constructor(public xml: string) {
    this.document = {
      contentControls: new FakeControls(this),
      getSelection: () => ({ insertOoxml: (ooxml: string, where: string) => this.insertAfterSelection(ooxml, where) }),
    };
  }

  /** The selection is at the end of the body. */
  private insertAfterSelection(ooxml: string, where: string): void {
    if (where !== 'After') throw new Error(`unexpected insert location ${where}`);
    this.inserted.push(ooxml);
    this.queue(() => {
      const end = this.xml.search(/<w:sectPr\b|<\/w:body>/);
      this.xml = this.xml.slice(0, end) + bodyOf(ooxml) + this.xml.slice(end);
    });
  }

  queue(change: () => void): void {
    this.queued.push(change);
  }

  async sync(): Promise<void> {
    this.syncs++;
    const run = this.queued;
    this.queued = [];
    run.forEach((f) => f());
  }
}

class FakeControls {
  private loaded = false;
  private snapshot: FakeControl[] = [];
  constructor(private readonly context: FakeWordContext) {}

  load(props: string): this {
    if (props !== 'items/tag') throw new Error(`unexpected load ${props}`);
    this.context.queue(() => {
      this.loaded = true;
      this.snapshot = this.tags().map((tag, index) => new FakeControl(this.context, tag, index));
    });
    return this;
  }

  get items(): FakeControl[] {
    if (!this.loaded) throw new Error('PropertyNotLoaded: items were read before load() and sync()');
    return this.snapshot;
  }

  /** Every control's tag, ours and the author's, in document order. */
  private tags(): string[] {
    return [...this.context.xml.matchAll(/<w:sdtPr>[\s\S]*?<\/w:sdtPr>/g)].map((m) => /<w:tag w:val="([^"]*)"/.exec(m[0])?.[1] ?? '');
  }
}

class FakeControl {
  constructor(
    private readonly context: FakeWordContext,
    readonly tag: string,
    readonly index: number,
  ) {}

  insertOoxml(ooxml: string, where: string): void {
    if (where !== 'Replace') throw new Error(`unexpected insert location ${where}`);
    this.context.inserted.push(ooxml);
    this.context.queue(() => {
      const control = taggedControls(this.context.xml).find((c) => c.tag === this.tag);
      if (!control) throw new Error(`ItemNotFound: ${this.tag}`);
      this.context.xml = this.context.xml.slice(0, control.contentStart) + bodyOf(ooxml) + this.context.xml.slice(control.contentEnd);
    });
  }
}
