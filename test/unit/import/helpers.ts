// Shared fixture loading for the import tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const FIXTURES = join(here, '../../fixtures/import');
export const UK = join(here, '../../fixtures/uk');
export const PUBLIC = join(here, '../../../public');

export const fixtureText = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
export const publicText = (name: string): string => readFileSync(join(PUBLIC, name), 'utf8');
/** Real open data (Lincolnshire), copied or extracted into test/fixtures/uk: see its README. */
export const ukText = (name: string): string => readFileSync(join(UK, name), 'utf8');
