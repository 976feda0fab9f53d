import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEMO_ADMIN_PASSWORD, DEMO_OFFICERS, DEMO_PIN } from '../../demo/demo-centre';
import { startHub, type RunningHub } from '../../main';
import type { TlsSource } from '../../http/tls';
import { dbPath, intFlag, parse, UsageError, type Command } from '../cli-context';

export const start: Command = {
  path: ['start'],
  summary:
    'luot start [--demo] [--db PATH] [--port N] [--host H] [--allow-origin URL] [--tls-cert TỆP --tls-key TỆP | --tls-self-signed] [--backup-dir THƯ_MỤC] [--backup-keep N]   chạy máy chủ hub',
  async run(argv) {
    const { values } = parse(argv, {
      demo: { type: 'boolean', default: false },
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '0.0.0.0' },
      'allow-origin': { type: 'string', multiple: true },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-self-signed': { type: 'boolean', default: false },
      'backup-dir': { type: 'string' },
      'backup-keep': { type: 'string' },
    });
    // A screen served from another host (its origin, e.g. https://man-hinh.example.vn) may use the hub.
    const allowedOrigins = [...(values['allow-origin'] ?? []), ...(process.env.LUOT_ALLOWED_ORIGINS ?? '').split(',')]
      .map((o) => o.trim())
      .filter((o) => o !== '');
    const port = intFlag(values.port ?? process.env.LUOT_PORT, 'port', 8080);
    const db = dbPath(values.db);
    // B4: the nightly copies, <db folder>/backups and 7 kept unless said.
    const backupKeep = intFlag(values['backup-keep'], 'backup-keep', 7);
    if (backupKeep < 1) throw new UsageError('--backup-keep phải từ 1 trở lên.');
    const backupDir = values['backup-dir'] ?? process.env.LUOT_BACKUP_DIR;
    const backup = { keep: backupKeep, ...(backupDir ? { dir: backupDir } : {}) };
    const running = await startHub({
      dbPath: db,
      port,
      host: values.host,
      demo: values.demo,
      allowedOrigins,
      tls: tlsSource(values, db),
      backup,
    });
    printWelcome(running);
    const shutdown = (): void => {
      void running.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    return new Promise<number>(() => {});
  },
};

/** H8: the operator's certificate, or a self-signed one kept beside the database. */
function tlsSource(
  values: { 'tls-cert'?: string; 'tls-key'?: string; 'tls-self-signed'?: boolean },
  db: string,
): TlsSource | undefined {
  const cert = values['tls-cert'];
  const key = values['tls-key'];
  if ((cert === undefined) !== (key === undefined)) throw new UsageError('--tls-cert và --tls-key phải đi cùng nhau.');
  if (cert !== undefined && key !== undefined) {
    if (values['tls-self-signed']) throw new UsageError('Chọn một: --tls-cert/--tls-key hoặc --tls-self-signed.');
    for (const f of [cert, key]) if (!existsSync(f)) throw new UsageError(`Không mở được tệp "${f}".`);
    return { certFile: cert, keyFile: key };
  }
  return values['tls-self-signed'] ? { selfSignedDir: join(dirname(db), 'tls') } : undefined;
}

function printWelcome(r: RunningHub): void {
  const base = `${r.scheme}://localhost:${r.port}`;
  const lines = [`Lượt hub đang chạy: ${base}  (listening on port ${r.port})`];
  if (r.tlsFingerprint) {
    lines.push(`Chứng chỉ TLS, dấu vân tay SHA-256 / certificate fingerprint: ${r.tlsFingerprint}`);
  }
  const t = r.demoTokens;
  if (t) {
    lines.push(
      '',
      `Trung tâm mẫu / demo centre: ${r.hub.centre.settings()?.name ?? ''}`,
      `  Kiosk lấy số    ${base}/kiosk/?token=${t.kiosk}`,
      `  Màn hình sảnh   ${base}/display/?token=${t.display}`,
      `  Quầy (mọi quầy) ${base}/counter/?token=${t.admin}`,
      ...t.counters.map((c) => `  Quầy ${c.number}          ${base}/counter/?token=${c.token}`),
      '',
      `  Cán bộ mẫu / demo officers: ${DEMO_OFFICERS.join(', ')} — mã PIN ${DEMO_PIN}`,
      `  Quản trị / admin: ${base}/counter/ — mật khẩu ${DEMO_ADMIN_PASSWORD}`,
    );
  }
  console.log(lines.join('\n'));
}
