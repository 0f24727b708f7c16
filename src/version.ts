import pkg from '../package.json';

/** The engine version stamped on every workbook, from package.json. */
export const ENGINE_VERSION: string = pkg.version;
