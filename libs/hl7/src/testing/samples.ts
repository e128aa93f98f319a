import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Copies of /work/shared/hl7-samples, so tests do not depend on files outside the repository.
const DIR = join(__dirname, 'samples');

export function sampleNames(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.hl7'))
    .sort();
}

export function sample(name: string): string {
  return readFileSync(join(DIR, name), 'utf8');
}
