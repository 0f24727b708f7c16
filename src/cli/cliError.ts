/** Exit codes: 1 an input could not be used (or the disk would not take the output), 2 the command was wrong. */
export type FailureCode = 1 | 2;

/** A failure the user can act on: printed as one line naming the file and what was wrong. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: FailureCode,
  ) {
    super(message);
  }
}

/** Node's error code, when the error came from the file system (read off the object: errors can come from another realm). */
export const errorCode = (e: unknown): string | undefined => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/**
 * What a file-system error means in words, and whose it is to fix: a path the user chose that
 * cannot be used is a wrong command (2); anything else, the input or the disk (1).
 */
export function fileProblem(e: unknown): { words: string; exitCode: FailureCode } | null {
  switch (errorCode(e)) {
    case 'ENOENT':
      return { words: 'no such file', exitCode: 1 };
    case 'EISDIR':
      return { words: 'it is a folder, not a file', exitCode: 1 };
    case 'ENOTDIR':
    case 'EEXIST':
      return { words: 'a file is in the way of a folder', exitCode: 2 };
    case 'EACCES':
    case 'EPERM':
      return { words: 'permission denied', exitCode: 2 };
    case 'EROFS':
      return { words: 'the file system is read-only', exitCode: 2 };
    case 'ENAMETOOLONG':
      return { words: 'the path is too long', exitCode: 2 };
    case 'ELOOP':
      return { words: 'too many symbolic links', exitCode: 2 };
    case 'ENOSPC':
    case 'EDQUOT':
      return { words: 'no space left on the disk', exitCode: 1 };
    case 'EMFILE':
    case 'ENFILE':
      return { words: 'too many files open', exitCode: 1 };
    case 'EIO':
      return { words: 'the disk reported an error', exitCode: 1 };
    case undefined:
      return null;
    default:
      return { words: `the system refused (${errorCode(e)})`, exitCode: 1 };
  }
}

/** A path as a message shows it: whole up to 120 characters, else its start and end, so the line stays readable. */
export const shownPath = (path: string): string => (path.length <= 120 ? path : `${path.slice(0, 50)}…${path.slice(-60)}`);
