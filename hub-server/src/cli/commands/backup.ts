import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { formatNumberVi, systemClock } from '@luot/shared';
import { BackupError, backupDatabase, sizeVi } from '../../features/backup/backup-file';
import { assertNotInUse, commitRestore, prepareRestore } from '../../features/backup/restore';
import { dbPath, parse, UsageError, type Command } from '../cli-context';

/** A refusal the operator can act on: its Vietnamese reason, exit 1. */
function refused(e: unknown): number {
  if (!(e instanceof BackupError)) throw e;
  console.error(`Lỗi: ${e.message}`);
  return 1;
}

/**
 * B1: `luot backup FILE`: an online backup of the database while the hub runs, from this process's
 * own connection, checked before it is kept (B2).
 */
export const backup: Command = {
  path: ['backup'],
  summary: 'luot backup TỆP [--db PATH] [--force] [--json]   sao lưu cơ sở dữ liệu (được cả khi hub đang chạy)',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      db: { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp đích, ví dụ: luot backup sao-luu/luot.db');
    const file = resolve(positionals[0]!);
    const source = resolve(dbPath(values.db));
    if (file === source) throw new UsageError('Tệp sao lưu phải khác tệp cơ sở dữ liệu.');
    if (existsSync(file) && !values.force) {
      throw new UsageError(`Tệp "${positionals[0]}" đã có; chọn tên khác hoặc thêm --force để ghi đè.`);
    }
    if (!existsSync(source)) return refused(new BackupError(`Không tìm thấy cơ sở dữ liệu "${source}".`));
    // Its own connection, no migration: the copy is the database as it is. It only reads, so the
    // hub's writers never wait for it (WAL).
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(source, { fileMustExist: true, timeout: 5000 });
    try {
      const report = await backupDatabase(db, file);
      if (values.json) {
        console.log(JSON.stringify(report));
      } else {
        console.log(
          [
            `Đã sao lưu vào ${report.file}`,
            `  dung lượng ${sizeVi(report.bytes)}, mất ${formatNumberVi(report.ms / 1000, 1)} giây`,
            `  ${formatNumberVi(report.tickets)} số thứ tự, ${formatNumberVi(report.dossiers)} hồ sơ (lược đồ phiên bản ${report.userVersion})`,
          ].join('\n'),
        );
      }
      return 0;
    } catch (e) {
      return refused(e);
    } finally {
      db.close();
    }
  },
};

async function confirmed(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(c|có|co|y|yes)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/**
 * B5, B6: `luot restore FILE`: replaces the database with a backup, once the backup is checked and
 * no hub has the database open; the replaced database is kept beside it.
 */
export const restore: Command = {
  path: ['restore'],
  summary: 'luot restore TỆP [--db PATH] [--yes]   khôi phục cơ sở dữ liệu từ bản sao lưu (hub phải đang dừng)',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      db: { type: 'string' },
      yes: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp sao lưu, ví dụ: luot restore sao-luu/luot.db');
    const target = dbPath(values.db);
    let plan;
    try {
      plan = await prepareRestore(positionals[0]!, target, systemClock.now());
    } catch (e) {
      return refused(e);
    }
    try {
      assertNotInUse(plan.target);
      const what = `${formatNumberVi(plan.check.tickets)} số thứ tự, ${formatNumberVi(plan.check.dossiers)} hồ sơ`;
      if (!values.yes) {
        const ok = await confirmed(
          `Bản sao lưu hợp lệ (${what}). Thay thế cơ sở dữ liệu ${plan.target}? Bản hiện tại sẽ được giữ lại. Gõ "có" để tiếp tục: `,
        );
        if (!ok) {
          plan.cancel();
          console.error('Chưa khôi phục: cần xác nhận (gõ "có", hoặc thêm --yes). Không có gì bị thay đổi.');
          return 1;
        }
      }
      const result = commitRestore(plan, systemClock.now());
      console.log(
        [
          `Đã khôi phục ${result.target} từ ${plan.source} (${what}).`,
          result.previous ? `  Cơ sở dữ liệu cũ được giữ ở ${result.previous}` : '  Trước đó chưa có cơ sở dữ liệu.',
          '  Khởi động lại hub: luot start',
        ].join('\n'),
      );
      return 0;
    } catch (e) {
      plan.cancel();
      return refused(e);
    }
  },
};
