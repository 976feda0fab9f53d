import { FirstStartInput, systemClock } from '@luot/shared';
import { readFileSync } from 'node:fs';
import { openDatabase, writeTransaction } from '../../db/open';
import { createAdminPassword } from '../../features/admin-access/admin-password';
import { COMMAND_LINE, createAuditLog } from '../../features/audit/audit-log';
import { hashSecret } from '../../features/secrets/scrypt-hash';
import { dbPath, parse, UsageError, type Command } from '../cli-context';

/**
 * G7, C1: sets (or changes) the admin password from the command line, for provincial IT that
 * installs centres from a setup file: the first line of FILE, or of standard input with `-`.
 */
export const adminPassword: Command = {
  path: ['admin', 'password'],
  summary: 'luot admin password TỆP|- [--db PATH]   đặt mật khẩu quản trị (dòng đầu của tệp, hoặc nhập vào với -)',
  run(argv) {
    const { values, positionals } = parse(argv, { db: { type: 'string' } });
    const source = positionals[0];
    if (positionals.length !== 1 || source === undefined) {
      throw new UsageError('Cần đúng một tệp chứa mật khẩu, hoặc - để đọc từ đầu vào chuẩn.');
    }
    let text: string;
    try {
      text = readFileSync(source === '-' ? 0 : source, 'utf8');
    } catch {
      throw new UsageError(`Không đọc được "${source}".`);
    }
    const password = text.split(/\r?\n/)[0] ?? '';
    if (!FirstStartInput.shape.password.safeParse(password).success) {
      throw new UsageError('Mật khẩu quản trị phải có từ 10 đến 200 ký tự.');
    }
    const hash = hashSecret(password);
    const db = openDatabase(dbPath(values.db));
    try {
      const changed = writeTransaction(db, () => {
        const stored = createAdminPassword(db);
        const existed = stored.exists();
        stored.saveHash(hash);
        createAuditLog(db, systemClock).record(
          COMMAND_LINE,
          'admin.password',
          existed ? 'Đổi mật khẩu quản trị' : 'Đặt mật khẩu quản trị',
        );
        return existed;
      })();
      console.log(changed ? 'Đã đổi mật khẩu quản trị.' : 'Đã đặt mật khẩu quản trị.');
      return 0;
    } finally {
      db.close();
    }
  },
};
