/** `npm run validate`: the offline manifest check, against assets/ and, when built, dist/. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestProblems } from './manifestCheck';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const problems = manifestProblems(readFileSync(join(root, 'manifest.xml'), 'utf8'), {
  assetsDir: join(root, 'assets'),
  ...(existsSync(dist) ? { distDir: dist } : {}),
});
if (problems.length) {
  process.stderr.write(`manifest.xml has ${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`manifest.xml: valid (offline structural check${existsSync(dist) ? ', URLs found in dist/' : ''})\n`);
}
