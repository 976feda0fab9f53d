import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../cli/cli-context';
import { say } from '../../cli/commands/say';
import { durationMs, parseWav } from './wav';

/** Runs `luot say …` in-process and returns its exit code and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const code = await say.run(argv);
  return { code, out: lines.join('\n') };
}

describe('luot say', () => {
  afterEach(() => vi.restoreAllMocks());

  it('V10: prints the display text and the spoken text, or both as JSON', async () => {
    expect(await run('1005', '--counter', '3')).toEqual({
      code: 0,
      out: 'Mời công dân có số thứ tự 1005 đến quầy số 3\nMời công dân có số thứ tự một nghìn không trăm linh năm đến quầy số ba',
    });
    const { out } = await run('a024', '--counter', '4', '--json', '--south');
    expect(JSON.parse(out)).toEqual({
      text: 'Mời công dân có số thứ tự A024 đến quầy số 4',
      spoken: 'Mời công dân có số thứ tự a hai mươi bốn đến quầy số bốn',
    });
  });

  it('V14: --wav writes the chime and the speech as a valid WAV file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'luot-say-')), 'sub', 'call.wav');
    expect((await run('1005', '--counter', '3', '--wav', file)).code).toBe(0);
    expect(durationMs(parseWav(readFileSync(file)))).toBeGreaterThan(1000);
  });

  it('V10: operator mistakes are usage errors in Vietnamese', async () => {
    for (const argv of [
      [],
      ['1005'],
      ['10x5', '--counter', '3'],
      ['1005', '--counter', '0'],
      ['1005', '--counter', '3', '--template', 'Mời {số}'],
    ]) {
      await expect(run(...argv), argv.join(' ')).rejects.toBeInstanceOf(UsageError);
    }
    await expect(run('1005', '--counter', '3', '--wav', '/tmp/x.wav', '--voice-pack', '/nonexistent')).rejects.toThrow(
      /Không dùng được bộ giọng đọc/,
    );
  });
});
