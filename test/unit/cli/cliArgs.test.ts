// How both command-line tools read their arguments: usage on --help, exit 2 with the
// reason and the usage on a bad flag, anything else not swallowed.
import { describe, expect, it } from 'vitest';
import { parseFlags, readArguments, UsageError } from '../../../src/cli/cliArgs';

const USAGE = 'usage: tool --name N';

function read(argv: string[]) {
  const v = parseFlags(argv, { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (v.help) return null;
  if (!v.name) throw new UsageError('missing --name');
  return { name: v.name };
}

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const result = readArguments('tool', USAGE, argv, { log: (l) => out.push(l), error: (l) => err.push(l) }, read);
  return { result, out, err };
}

describe('readArguments', () => {
  it('returns the options read', () => {
    expect(run(['--name', 'x'])).toEqual({ result: { options: { name: 'x' } }, out: [], err: [] });
  });

  it('prints the usage and exits 0 on --help', () => {
    expect(run(['-h'])).toEqual({ result: { exit: 0 }, out: [USAGE], err: [] });
  });

  it('exits 2 with the reason and the usage on a missing or unknown flag', () => {
    expect(run([])).toEqual({ result: { exit: 2 }, out: [], err: [`carezones tool: missing --name\n${USAGE}`] });
    const unknown = run(['--name', 'x', '--colour', 'red']);
    expect(unknown.result).toEqual({ exit: 2 });
    expect(unknown.err[0]).toMatch(/^carezones tool: Unknown option '--colour'/);
    expect(run(['--name', 'x', 'extra']).result).toEqual({ exit: 2 });
  });

  it('lets an error that is not about the arguments through', () => {
    const broken = () => {
      throw new RangeError('bug');
    };
    expect(() => readArguments('tool', USAGE, [], { log: () => {}, error: () => {} }, broken)).toThrow(RangeError);
  });
});
