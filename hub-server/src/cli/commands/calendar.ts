import { fillMessage, systemClock, vi } from '@luot/shared';
import { readFile, stat } from 'node:fs/promises';
import { recordChange } from '../../db/change-log';
import { openDatabase } from '../../db/open';
import { COMMAND_LINE, createAuditLog } from '../../features/audit/audit-log';
import { createDossierService } from '../../features/dossiers/dossier-service';
import { dbPath, parse, UsageError, type Command } from '../cli-context';

/** Ten years of dates is about 100 KB of JSON. */
const MAX_CALENDAR_FILE = 2 * 1024 * 1024;

export const calendarSet: Command = {
  path: ['calendar', 'set'],
  summary:
    'luot calendar set TỆP.json [--db PATH]   lịch nghỉ lễ và ngày làm bù: {"holidays": [...], "workingWeekends": [...]}',
  async run(argv) {
    const { values, positionals } = parse(argv, { db: { type: 'string' } });
    const file = positionals[0];
    if (positionals.length !== 1 || !file) throw new UsageError('Cần đúng một tệp lịch (JSON).');
    const size = await stat(file).then(
      (s) => (s.isFile() ? s.size : null),
      () => null,
    );
    if (size === null) throw new UsageError(`Không mở được tệp "${file}".`);
    if (size > MAX_CALENDAR_FILE) throw new UsageError(`Tệp lịch "${file}" quá lớn (tối đa 2 MB).`);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      throw new UsageError(`Tệp lịch "${file}" không phải JSON hợp lệ.`);
    }
    const db = openDatabase(dbPath(values.db));
    try {
      const calendar = createDossierService(db, systemClock).setCalendar(raw);
      recordChange(db, 'dossiers');
      // C8: in the audit log as the command line's change.
      createAuditLog(db, systemClock).record(
        COMMAND_LINE,
        'calendar.changed',
        fillMessage(vi.setup.changes.calendarChanged, {
          holidays: calendar.holidays.length,
          workingWeekends: calendar.workingWeekends.length,
        }),
      );
      console.log(
        `Đã lưu lịch: ${calendar.holidays.length} ngày nghỉ, ${calendar.workingWeekends.length} ngày làm bù; ` +
          'hạn trả của các hồ sơ đã được tính lại.',
      );
      return 0;
    } finally {
      db.close();
    }
  },
};

export const calendarShow: Command = {
  path: ['calendar', 'show'],
  summary: 'luot calendar show [--db PATH]   in lịch đang dùng (JSON)',
  run(argv) {
    const { values } = parse(argv, { db: { type: 'string' } });
    const db = openDatabase(dbPath(values.db));
    try {
      console.log(JSON.stringify(createDossierService(db, systemClock).calendar(), null, 2));
      return 0;
    } finally {
      db.close();
    }
  },
};
