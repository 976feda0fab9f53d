#!/usr/bin/env node
import { DomainError, vi } from '@luot/shared';
import { UsageError } from './cli-context';
import { COMMANDS } from './commands/index';

function usage(): string {
  return ['Lượt — công cụ quản trị hub', '', ...COMMANDS.map((c) => `  ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const cmd = COMMANDS.filter((c) => c.path.every((w, i) => argv[i] === w)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  if (!cmd) {
    console.error(argv.length && argv[0] !== '--help' ? `Lệnh không hợp lệ: ${argv.join(' ')}\n\n${usage()}` : usage());
    return argv.length && argv[0] !== '--help' ? 2 : 0;
  }
  try {
    return await cmd.run(argv.slice(cmd.path.length));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`Lỗi: ${e.message}\n\n  ${cmd.summary}`);
      return 2;
    }
    if (e instanceof DomainError) {
      console.error(`Lỗi: ${vi.errors[e.code]}${e.detail ? ` (${e.detail})` : ''}`);
      return 1;
    }
    console.error(`Lỗi không mong đợi: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
