import { readAnnexText, type ReadResult } from '../import/annexText';
import { analyseRead, type ImportResult } from '../import/importText';
import { SOURCE_NAME } from './importState';

/** Pasted text, read and analysed. */
export interface TextRead {
  readonly read: ReadResult;
  readonly result: ImportResult;
}

/** Reads pasted text: in a worker in the pane, so a long document leaves the page responsive. */
export type TextReader = (text: string) => Promise<TextRead>;

export function readText(text: string): TextRead {
  const read = readAnnexText(text, SOURCE_NAME);
  return { read, result: analyseRead(read) };
}

/** In this thread: for tests and where workers are unavailable. */
export const readInPage: TextReader = async (text) => readText(text);
