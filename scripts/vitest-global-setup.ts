import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Once per test run: builds the hub as operators run it (tests spawn it), and marks every process
 * the run starts (the mark is inherited), so that at the end the run can check it left none behind.
 */
export function setup(): () => void {
  execFileSync(process.execPath, ['hub-server/scripts/build.mjs'], { stdio: 'inherit' });
  const mark = `LUOT_TEST_RUN=${randomUUID()}`;
  process.env.LUOT_TEST_RUN = mark.slice('LUOT_TEST_RUN='.length);
  return () => {
    const left = processesMarked(mark);
    for (const p of left) process.kill(p.pid, 'SIGKILL');
    if (left.length > 0) {
      throw new Error(
        `the tests left ${left.length} process(es) running (now killed):\n${left.map((p) => `  ${p.pid} ${p.cmd}`).join('\n')}`,
      );
    }
  };
}

function processesMarked(mark: string): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    // The runner's own workers (and its esbuild service) carry the mark too; they end with the run.
    try {
      const env = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
      if (!env.includes(mark)) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (/vitest|esbuild --service/.test(cmd)) continue;
      found.push({ pid, cmd: cmd.slice(0, 200) });
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return found;
}
