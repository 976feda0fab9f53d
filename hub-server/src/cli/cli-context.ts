import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A `luot` subcommand. `run` returns the process exit code, directly or (when it does I/O) as a
 * promise; a usage mistake is thrown either way (`UsageError`), and the caller awaits the result.
 */
export interface Command {
  /** Words after `luot`, e.g. ['token', 'create']. */
  path: string[];
  summary: string;
  run(argv: string[]): number | Promise<number>;
}

/** An operator's mistake on the command line: printed in Vietnamese, exit code 2. */
export class UsageError extends Error {}

export const DEFAULT_DB = 'data/luot.db';

/** `--db`, else LUOT_DB, else ./data/luot.db. */
export function dbPath(flag: string | undefined): string {
  return flag ?? process.env.LUOT_DB ?? DEFAULT_DB;
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`Tham số không hợp lệ: ${(e as Error).message}`);
  }
}

/** A whole number flag, or the default; anything else is a usage error. */
export function intFlag(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} phải là số nguyên không âm (nhận được "${value}").`);
  return Number(value);
}
