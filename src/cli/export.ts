// npm run export -- --project project.json --out dir/ [--scenario NAME]
// Writes every export of one scenario (the project's current one by default) to
// a folder, so a council can produce tender files from a saved project in a
// script. Same builders as the app's buttons, so the files are the same.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAllExports } from '../export/files';
import { readProjectFile } from '../state/projectFile';
import { parseFlags, readArguments, UsageError, type CliIo } from './cliArgs';

const USAGE = 'usage: npm run export -- --project project.json --out dir/ [--scenario NAME]';

function options(argv: string[]) {
  const parsed = parseFlags(argv, {
    project: { type: 'string' },
    out: { type: 'string' },
    scenario: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (parsed.help) return null;
  if (!parsed.project) throw new UsageError('missing --project <file>');
  if (!parsed.out) throw new UsageError('missing --out <folder>');
  return { project: parsed.project, out: parsed.out, scenario: parsed.scenario };
}

/** Runs the export; returns the process exit code (0 ok, 1 bad file, 2 bad arguments, 5 written but the zone outlines are not all valid). */
export function runExportCli(argv: string[], io: CliIo = console): number {
  const args = readArguments('export', USAGE, argv, io, options);
  if ('exit' in args) return args.exit;
  const opts = args.options;
  try {
    let text: string;
    try {
      text = readFileSync(opts.project, 'utf8');
    } catch (e) {
      throw new Error(`cannot read ${opts.project}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const workspace = readProjectFile(text);
    const wanted = opts.scenario ?? workspace.currentId;
    const scenario = workspace.scenarios.find((s) => s.name === wanted || s.id === wanted);
    if (!scenario) {
      throw new Error(`no scenario named "${wanted}"; the project has: ${workspace.scenarios.map((s) => `"${s.name}"`).join(', ')}`);
    }
    const files = buildAllExports(workspace.project, scenario, workspace.settings);
    mkdirSync(opts.out, { recursive: true });
    for (const f of files) writeFileSync(join(opts.out, f.name), f.text, 'utf8');
    io.log(`Scenario "${scenario.name}": wrote ${files.length} files to ${resolve(opts.out)}`);
    for (const f of files) io.log(`  ${f.name}`);
    const warnings = files.flatMap((f) => f.warnings.map((w) => `${f.name}: ${w}`));
    for (const w of warnings) io.error(`  warning ${w}`);
    if (warnings.length > 0) io.error('exit 5: the files were written, but the zone outlines are not all valid (listed above)');
    return warnings.length > 0 ? 5 : 0;
  } catch (e) {
    io.error(`carezones export: ${opts.project}: ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runExportCli(process.argv.slice(2));
}
