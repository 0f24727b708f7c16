/**
 * Everything the pane needs once a document is read or a model taken up, as one lazily loaded
 * chunk (see lazyTools.ts): the import pipeline, the engine, the workbook writer and the panels of
 * the later steps. The first step's script holds none of it.
 */
export { analyseRead, importDocuments } from '../import/importText';
export { readRangeCollation } from '../import/rangeCollation';
export { documentsHash, sha256Hex } from '../import/sourceHash';
export { overrideProblems } from '../model/costModel';
export { formatReportDate } from '../report/format';
export { laidOver } from './assumptionEdits';
export { LaterSteps } from './LaterSteps';
export { modelState, partWritten, rebased, unwritten } from './modelState';
export { readModelNow, takeUpWorkbook, writeModel } from './modelWrite';
export { overrideCount, ReadReview } from './ReadReview';
