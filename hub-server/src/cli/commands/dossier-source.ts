import { DossierSourceSetInput, systemClock, type DossierSourceState } from '@luot/shared';
import pino from 'pino';
import { openDatabase } from '../../db/open';
import { COMMAND_LINE, createAuditLog } from '../../features/audit/audit-log';
import { createDossierService } from '../../features/dossiers/dossier-service';
import { createDossierSource } from '../../features/dossiers/dossier-source';
import { dbPath, intFlag, parse, UsageError, type Command } from '../cli-context';
import { vn } from '../import-report';

/** The source's state in words, as the console shows it. */
function describe(state: DossierSourceState): string {
  const s = state.source;
  if (!s) return 'Chưa cấu hình nguồn hồ sơ tự động.';
  const lines = [
    `Nguồn hồ sơ: ${s.url} (${s.format.toUpperCase()}), mỗi ${vn(s.everyMinutes)} phút, ${s.enabled ? 'đang bật' : 'đang tắt'}`,
  ];
  if (s.header) lines.push(`  Tiêu đề: ${s.header.name}: ${s.header.masked}`);
  const last = state.last;
  if (last) lines.push(`  Lần lấy gần nhất: ${last.ok ? 'thành công' : `lỗi — ${last.error ?? ''}`}`);
  return lines.join('\n');
}

/** Runs `work` with the same source the console uses (D21: one code path), its timer never armed for long. */
async function withSource<T>(db: string | undefined, work: (s: ReturnType<typeof createDossierSource>) => T) {
  const conn = openDatabase(dbPath(db));
  const source = createDossierSource({
    db: conn,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    dossiers: createDossierService(conn, systemClock),
    // The running hub tells its walls after its own pulls; this command does not pull.
    notify: { dossiersUpdated: () => undefined },
    audit: createAuditLog(conn, systemClock),
  });
  try {
    return work(source);
  } finally {
    await source.close();
    conn.close();
  }
}

/** D21: `luot dossiers source set|show|remove` — the console's "Nguồn hồ sơ", for provincial IT. */
export const dossierSourceSet: Command = {
  path: ['dossiers', 'source', 'set'],
  summary:
    'luot dossiers source set --url URL --format json|csv [--every PHÚT] [--header "Tên: giá trị"] [--disabled] [--db PATH]   nguồn hồ sơ tự động',
  async run(argv) {
    const { values } = parse(argv, {
      url: { type: 'string' },
      format: { type: 'string' },
      every: { type: 'string' },
      header: { type: 'string' },
      disabled: { type: 'boolean', default: false },
      db: { type: 'string' },
    });
    const header = values.header === undefined ? null : /^([^:]+):\s*(.*)$/.exec(values.header);
    if (values.header !== undefined && !header) throw new UsageError('--header phải có dạng "Tên: giá trị".');
    const input = DossierSourceSetInput.safeParse({
      source: {
        url: values.url ?? '',
        format: values.format ?? '',
        everyMinutes: intFlag(values.every, 'every', 60),
        enabled: !values.disabled,
        header: header ? { name: header[1]?.trim(), value: header[2] } : null,
      },
    });
    if (!input.success) {
      throw new UsageError(
        'Cần --url http(s)://…, --format json hoặc csv, --every từ 5 đến 1440 phút, --header "Tên: giá trị" (không bắt buộc).',
      );
    }
    const state = await withSource(values.db, (s) => s.set(input.data, COMMAND_LINE));
    console.log(describe(state));
    return 0;
  },
};

export const dossierSourceShow: Command = {
  path: ['dossiers', 'source', 'show'],
  summary: 'luot dossiers source show [--db PATH]   xem nguồn hồ sơ tự động và lần lấy gần nhất',
  async run(argv) {
    const { values } = parse(argv, { db: { type: 'string' } });
    console.log(describe(await withSource(values.db, (s) => s.state())));
    return 0;
  },
};

export const dossierSourceRemove: Command = {
  path: ['dossiers', 'source', 'remove'],
  summary: 'luot dossiers source remove [--db PATH]   bỏ nguồn hồ sơ tự động',
  async run(argv) {
    const { values } = parse(argv, { db: { type: 'string' } });
    console.log(describe(await withSource(values.db, (s) => s.set({ source: null }, COMMAND_LINE))));
    return 0;
  },
};
