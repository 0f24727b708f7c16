import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from './main';

/** The command-line entry: wires Node's file system and streams to `main`. */
main(process.argv.slice(2), {
  readFile: (path) => readFile(path),
  writeFileAtomic: async (path, data) => {
    const temporary = `${path}.${process.pid}.partial`;
    try {
      await writeFile(temporary, data);
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
  },
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
  defaultDocument: join(__dirname, '..', '..', 'seeds', 'MP207-annex-d-refinement-consultation-responses.txt'),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
