import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_PATH = join(__dirname, '..', '..', 'seeds', 'MP207-annex-d-refinement-consultation-responses.txt');

export function seedText(): string {
  return readFileSync(SEED_PATH, 'utf8');
}
