import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scratch } from './cli.test-support';
import { openScratch } from './cli.test-support';
import { COMMANDS, globalHelp } from './cli';

let scratch: Scratch;
beforeEach(() => {
  scratch = openScratch();
});
afterEach(() => {
  scratch.dispose();
});

describe('kpo', () => {
  it('--help lists every command; help <command> and <command> --help show its own help', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      expect(await scratch.kpo([flag])).toEqual({ code: 0, stdout: globalHelp(), stderr: '' });
    }
    expect(globalHelp()).toMatch(/^Usage: kpo <command>/);
    for (const command of COMMANDS) {
      expect(globalHelp()).toContain(`  ${command.name}`);
      expect(command.help).toMatch(new RegExp(`^Usage: kpo ${command.name} `));
      expect(await scratch.kpo([command.name, '--help'])).toEqual({
        code: 0,
        stdout: command.help,
        stderr: '',
      });
      expect((await scratch.kpo(['help', command.name])).stdout).toBe(command.help);
    }
    expect(COMMANDS.map((c) => c.name)).toEqual(['verify', 'inspect', 'pack', 'unpack', 'keygen', 'pubkey']);
    expect(scratch.tree()).toEqual([]);
  });

  it('exits 64 with one line on stderr for a missing or unknown command', async () => {
    expect(await scratch.kpo([])).toEqual({
      code: 64,
      stdout: '',
      stderr: 'kpo: missing command (see kpo --help)\n',
    });
    expect(await scratch.kpo(['sign'])).toEqual({
      code: 64,
      stdout: '',
      stderr: 'kpo: sign: unknown command (see kpo --help)\n',
    });
  });
});
