import { readAnnexText } from '../import/annexText';
import { analyseRead } from '../import/importText';
import { SOURCE_NAME } from './importState';
import type { TextRead } from './textReader';

/** Pasted text, read and analysed: in the read worker, or in the page where there is none. */
export function readText(text: string): TextRead {
  const read = readAnnexText(text, SOURCE_NAME);
  return { read, result: analyseRead(read) };
}
