import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, type DossierPanel } from '@luot/shared';
import { connect, startTestHub, type TestSocket } from './support/hub';
import { CSV_HEADER } from './dossiers/support';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

/** The real `luot` command, in its own process, on the running hub's database file. */
const luot = (...argv: string[]) => run('node', ['hub-server/bin/luot.js', ...argv], { cwd: ROOT, timeout: 60_000 });

describe('H2: a write by the luot command reaches a running hub’s screens', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let wall: TestSocket;

  beforeAll(async () => {
    hub = await startTestHub();
    wall = await connect(hub.url, hub.demoTokens!.display);
  });
  afterAll(async () => {
    wall?.close();
    await hub?.stop();
  });

  it('H2: `luot dossiers import` while the hub runs: the wall gets dossiers:updated within 5 s', async () => {
    const panels: DossierPanel[] = [];
    wall.on('dossiers:updated', (p) => panels.push(p));
    const before = await wall.emitWithAck('dossiers:panel', {});
    expect(before.ok && before.data.month.total.received).toBe(0);

    const today = localDate(Date.now());
    const file = join(dirname(hub.dbPath), 'hs.csv');
    writeFileSync(file, [CSV_HEADER, `CLI-1,Tư pháp,commune,counter,${today}T08:00:00+07:00,3,,`].join('\n'));
    const { stdout } = await luot('dossiers', 'import', file, '--db', hub.dbPath, '--json');
    expect(JSON.parse(stdout)).toMatchObject({ accepted: 1 });

    await expect.poll(() => panels.length, { timeout: 5000, interval: 50 }).toBe(1);
    expect(panels[0]!.month.total.received).toBe(1);
  });

  it('H2: an import that changed nothing tells nobody', async () => {
    const panels: DossierPanel[] = [];
    wall.on('dossiers:updated', (p) => panels.push(p));
    const file = join(dirname(hub.dbPath), 'empty.csv');
    writeFileSync(file, `${CSV_HEADER}\n,,,,,,,\n`);
    await luot('dossiers', 'import', file, '--db', hub.dbPath, '--json').catch(() => undefined);
    // Longer than the hub's change-log poll (1 s).
    await new Promise((r) => setTimeout(r, 1500));
    expect(panels).toEqual([]);
  });
});
