// Shared fixture loading for the import tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const FIXTURES = join(here, '../../fixtures/import');
export const SHARED_UK = join(here, '../../../../shared/data/uk');
export const PUBLIC = join(here, '../../../public');

export const fixtureText = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
export const publicText = (name: string): string => readFileSync(join(PUBLIC, name), 'utf8');
export const sharedText = (name: string): string => readFileSync(join(SHARED_UK, name), 'utf8');
