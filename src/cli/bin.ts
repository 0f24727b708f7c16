import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { main } from './main';
import { writeOutputSet } from './outputSet';
import { isReportWorker, renderReportOnWorker, serveReportJob } from './reportFiles';

/**
 * Test only: the name of a file after whose temporary copy the run stops for a minute, saying so
 * on stderr, so a test can kill it between the files of a set.
 */
const PAUSE_AFTER = process.env.SECMOD_TEST_PAUSE_AFTER;

/** The package's folder: the first above this file with a package.json (src/cli/ from source, dist/ when built). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The command-line entry: wires Node's file system and streams to `main`. */
function run(): void {
  main(process.argv.slice(2), {
    readFile: (path) => readFile(path),
    writeSet: (dir, files, options) =>
      writeOutputSet(dir, files, {
        ...options,
        ...(PAUSE_AFTER
          ? {
              staged: async (name, folder) => {
                if (name !== PAUSE_AFTER) return;
                process.stderr.write(`paused after ${join(folder, name)}\n`);
                await new Promise((resolve) => setTimeout(resolve, 60_000));
              },
            }
          : {}),
      }),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
    // Built, this file is the whole command line and starts itself as the report's worker; from source, the report is made in line.
    ...(__filename.endsWith('.js') ? { renderReport: renderReportOnWorker(__filename) } : {}),
    defaultDocument: join(packageRoot(), 'seeds', 'MP207-annex-d-refinement-consultation-responses.txt'),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // main reports its own failures; this is a fault in reporting one (a closed stream).
      process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}

// Started as a worker, the command line makes the report's files it is given.
if (isReportWorker()) void serveReportJob();
else run();
