import type { ReadResult } from '../import/annexText';
import type { ImportResult } from '../import/importText';

/** Pasted text, read and analysed. */
export interface TextRead {
  readonly read: ReadResult;
  readonly result: ImportResult;
}

/** Reads pasted text: in a worker in the pane, so a long document leaves the page responsive. */
export type TextReader = (text: string) => Promise<TextRead>;

/** In this thread: for tests and where workers are unavailable. The reader loads with the first read. */
export const readInPage: TextReader = async (text) => (await import(/* webpackChunkName: "review" */ './readText')).readText(text);
