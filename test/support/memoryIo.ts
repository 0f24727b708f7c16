import { readFile } from 'node:fs/promises';
import type { CliIo } from '../../src/cli/main';
import { SEED_PATH } from './seed';

/** A CliIo over an in-memory file system: reads fall through to disk, writes stay in memory. */
export function memoryIo(files: Record<string, Uint8Array> = {}) {
  const written = new Map<string, Uint8Array>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: async (path) => files[path] ?? readFile(path),
    writeFileAtomic: async (path, data) => {
      written.set(path, data);
    },
    mkdir: async () => undefined,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => new Date('2027-03-01T09:00:00Z'),
    defaultDocument: SEED_PATH,
  };
  return { io, written, stdout: () => out.join(''), stderr: () => err.join('') };
}
