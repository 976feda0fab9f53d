import { vi } from 'vitest';
import type { Command } from '../../src/cli/cli-context';

/**
 * Runs a `luot` command in-process: its exit code and what it printed on stdout (`console.log`)
 * and stderr (`console.error`, or written directly). A usage mistake rejects, as it does for the CLI.
 */
export async function runCommand(cmd: Command, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  const error = vi.spyOn(console, 'error').mockImplementation((s: unknown) => void err.push(String(s)));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    err.push(String(chunk));
    return true;
  });
  try {
    return { code: await cmd.run(argv), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}
