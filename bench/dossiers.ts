/**
 * Dossier figures at province scale (D9–D13): import 1,000,000 dossiers from CSV (target ≤ 30 s),
 * then the figures of several periods (target ≤ 100 ms each), next to floors measured in the same
 * run: reading and parsing the same CSV without the store, a bare INSERT … SELECT of the same rows,
 * and a bare COUNT(*) over the table.
 */
import { dossierFigures, type DossierGroupBy } from '@luot/shared';
import { parse } from 'csv-parse';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDossierService, openDatabase } from '@luot/hub-server';

const ROWS = 1_000_000;
const REPEATS = 15;
const FIELDS = [
  'Đất đai',
  'Tư pháp – Hộ tịch',
  'Kinh doanh',
  'Xây dựng',
  'Lao động – TB&XH',
  'Công an',
  'Thuế',
  'Bảo hiểm xã hội',
  'Giao thông vận tải',
  'Tài nguyên – Môi trường',
  'Y tế',
  'Giáo dục',
  'Nông nghiệp',
  'Công thương',
  'Văn hoá – Thể thao',
  'Nội vụ',
  'Tài chính',
  'Kế hoạch – Đầu tư',
  'Thông tin – Truyền thông',
  'Khoa học – Công nghệ',
];
const LEVELS = ['province', 'district', 'commune'];
const CHANNELS = ['counter', 'online', 'postal'];
const START = Date.parse('2023-01-01T00:00:00+07:00');
const SPAN_MS = 2 * 365 * 86_400_000;

const log = (s: string): void => void process.stderr.write(`  dossiers: ${s}\n`);

/** Deterministic: the same file every run (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A one-stop export of `rows` dossiers as CSV; deterministic, the same file every run. */
export async function writeCsv(path: string, rows = ROWS): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string): Promise<void> | void => {
    if (!out.write(s)) return new Promise((r) => out.once('drain', () => r()));
  };
  const r = rng(5);
  const iso = (ms: number): string => `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
  await write('code,field,level,channel,receivedAt,processingDays,dueDate,resolvedAt\n');
  for (let i = 0; i < rows; i++) {
    const received = START + Math.floor(r() * SPAN_MS);
    const explicit = r() < 0.1;
    const days = Math.floor(r() * 20);
    const due = explicit ? iso(received + Math.floor(r() * 30) * 86_400_000).slice(0, 10) : '';
    const resolved = r() < 0.85 ? iso(received + Math.floor(r() * 40 * 86_400_000)) : '';
    const line = `HS-${String(i).padStart(7, '0')},${FIELDS[i % FIELDS.length]},${LEVELS[Math.floor(r() * 3)]},${CHANNELS[Math.floor(r() * 3)]},${iso(received)},${explicit ? '' : days},${due},${resolved}\n`;
    const wait = write(line);
    if (wait) await wait;
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await f();
  return [v, Math.round((performance.now() - t0) * 10) / 10];
};

/**
 * Wall and CPU time of f. The machine is shared: the CPU time of this process is what the wall
 * time would be on an idle core.
 */
const measured = async <T>(f: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> => {
  const cpu = process.cpuUsage();
  const [value, ms] = await time(f);
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: Math.round((used.user + used.system) / 1000) };
};

const summary = (ms: number[]): { medianMs: number; maxMs: number } => {
  const s = [...ms].sort((a, b) => a - b);
  return { medianMs: s[Math.floor(s.length / 2)] ?? 0, maxMs: s[s.length - 1] ?? 0 };
};

export async function run(): Promise<Record<string, unknown>> {
  const base = join(tmpdir(), `luot-bench-dossiers-${process.pid}`);
  const csv = `${base}.csv`;
  const dbFile = `${base}.db`;
  try {
    log(`writing ${ROWS.toLocaleString('vi-VN')} rows to ${csv}`);
    await writeCsv(csv);

    const parsed = await measured(async () => {
      let n = 0;
      for await (const _ of createReadStream(csv, { highWaterMark: 1 << 20 }).pipe(parse())) n += 1;
      return n;
    });
    log(`floor: read + parse CSV ${parsed.ms} ms (cpu ${parsed.cpuMs} ms)`);

    const db = openDatabase(dbFile);
    const service = createDossierService(db, { now: () => Date.parse('2024-12-31T10:00:00+07:00') });
    const imported = await measured(() =>
      service.import(createReadStream(csv, { highWaterMark: 1 << 20 }), {
        format: 'csv',
        onProgress: (p) => {
          if (p.rows % 200_000 === 0) log(`imported ${p.rows} rows`);
        },
      }),
    );
    const result = imported.value;
    log(
      `import ${imported.ms} ms (cpu ${imported.cpuMs} ms; ${result.accepted} accepted, ${result.rejected.length} rejected)`,
    );

    const [, insertFloorMs] = await time(() => {
      db.exec('CREATE TABLE bare_dossiers AS SELECT * FROM dossiers WHERE 0');
      db.exec('INSERT INTO bare_dossiers SELECT * FROM dossiers');
    });
    const counts: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      counts.push((await time(() => db.prepare('SELECT COUNT(*) FROM dossiers').pluck().get()))[1]);
    }

    const periods: [string, string, string, DossierGroupBy | null][] = [
      ['month', '2024-03-01', '2024-03-31', null],
      ['monthByField', '2024-03-01', '2024-03-31', 'field'],
      ['year', '2024-01-01', '2024-12-31', null],
      ['yearByField', '2024-01-01', '2024-12-31', 'field'],
      ['yearByLevel', '2024-01-01', '2024-12-31', 'level'],
      ['yearByChannel', '2024-01-01', '2024-12-31', 'channel'],
      ['twoYearsByField', '2023-01-01', '2024-12-31', 'field'],
      ['panel', '', '', null],
    ];
    const queries: Record<string, { medianMs: number; maxMs: number }> = {};
    for (const [name, from, to, groupBy] of periods) {
      const ms: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        ms.push((await time(() => (name === 'panel' ? service.panel() : service.stats({ from, to, groupBy }))))[1]);
      }
      queries[name] = summary(ms);
      log(`${name}: ${JSON.stringify(queries[name])}`);
    }

    // The SQL path must agree with the pure reference on the real million (D13).
    const facts = db
      .prepare<
        [],
        {
          code: string;
          level: 'province';
          field: string;
          channel: 'counter';
          receivedDate: string;
          dueDate: string;
          resolvedDate: string | null;
        }
      >(
        'SELECT code, level, field, channel, received_date AS receivedDate, due_date AS dueDate, resolved_date AS resolvedDate FROM dossiers',
      )
      .all();
    const period = { from: '2024-01-01', to: '2024-06-30' };
    const agrees =
      JSON.stringify(dossierFigures(facts, period, 'field')) ===
      JSON.stringify(service.stats({ ...period, groupBy: 'field' }));

    const [, reimportMs] = await time(() =>
      service.import(
        // eslint-disable-next-line @typescript-eslint/require-await -- the import reads an async iterable; this one chunk is already in memory
        (async function* () {
          const rows = facts
            .slice(0, 10_000)
            .map((f) => `${f.code},${f.field},commune,online,${f.receivedDate}T09:00:00+07:00,5,,`);
          yield Buffer.from(
            `code,field,level,channel,receivedAt,processingDays,dueDate,resolvedAt\n${rows.join('\n')}\n`,
          );
        })(),
        { format: 'csv' },
      ),
    );
    db.close();
    return {
      rows: ROWS,
      importMs: imported.ms,
      importCpuMs: imported.cpuMs,
      loadAverageDuringRun: Number(loadavg()[0]?.toFixed(2)),
      accepted: result.accepted,
      rejected: result.rejected.length,
      reimport10kUpdatesMs: reimportMs,
      queries,
      sqlAgreesWithReference: agrees,
      floor: {
        readAndParseCsvMs: parsed.ms,
        readAndParseCsvCpuMs: parsed.cpuMs,
        bareInsertSelectMs: insertFloorMs,
        bareCountMs: summary(counts),
      },
      targets: { importMs: 30_000, queryMs: 100 },
    };
  } finally {
    for (const f of [csv, dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  }
}
