// What the command-line tools share: where they print, and how a bad argument
// ends the run (exit 2 with the usage) and --help prints the usage (exit 0).
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIo {
  log(line: string): void;
  error(line: string): void;
}

/** A bad command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** node's strict parseArgs (no positionals); an unknown or malformed flag becomes a UsageError. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Reads the arguments with `read` (null = --help). Returns the options, or the exit
 * code to stop with once the usage has been printed.
 */
export function readArguments<O>(
  tool: string,
  usage: string,
  argv: string[],
  io: CliIo,
  read: (argv: string[]) => O | null,
): { options: O } | { exit: number } {
  let options: O | null;
  try {
    options = read(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.error(`carezones ${tool}: ${e.message}\n${usage}`);
    return { exit: 2 };
  }
  if (options === null) {
    io.log(usage);
    return { exit: 0 };
  }
  return { options };
}
