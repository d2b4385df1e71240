// npm run bench: runs every bench/*.bench.ts (or those named on the command
// line), prints one table and writes bench/results/<timestamp>.json and latest.json.
import { existsSync, readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchRow } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

// The machine may be shared: its load before and after says how far to trust absolute times.
const loadBefore = loadavg();
const results: Record<string, BenchRow[]> = {};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stdout.write(`running ${name}...\n`);
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as Bench;
  const rows = await bench();
  results[name] = rows;
  console.table(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? +v.toFixed(3) : v]))));
}

const out = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, loadavgBefore: loadBefore, loadavgAfter: loadavg() },
  results,
};
mkdirSync(join(here, 'results'), { recursive: true });
const stamp = out.date.replace(/[:.]/g, '-');
writeFileSync(join(here, 'results', `${stamp}.json`), JSON.stringify(out, null, 2) + '\n');
// latest.json keeps the newest result of every benchmark, so running a few updates only those.
const latestPath = join(here, 'results', 'latest.json');
const previous = existsSync(latestPath) ? (JSON.parse(readFileSync(latestPath, 'utf8')) as typeof out) : null;
const latest = { ...out, results: { ...(previous?.results ?? {}), ...results } };
writeFileSync(latestPath, JSON.stringify(latest, null, 2) + '\n');
console.log(`wrote bench/results/${stamp}.json`);
