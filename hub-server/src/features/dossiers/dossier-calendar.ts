import { DomainError, WorkingCalendar, type CalendarDays, type WorkingDays } from '@luot/shared';
import type { Db } from '../../db/open';

/** Validates a calendar (a file, or the `calendar` of a JSON import); CALENDAR_INVALID says where it is wrong. */
export function parseCalendar(raw: unknown): CalendarDays {
  const parsed = WorkingCalendar.safeParse(raw);
  if (!parsed.success) throw new DomainError('CALENDAR_INVALID', calendarProblem(parsed.error.issues[0]));
  return {
    holidays: [...new Set(parsed.data.holidays)].sort(),
    workingWeekends: [...new Set(parsed.data.workingWeekends)].sort(),
  };
}

/** Where a calendar is wrong, in Vietnamese, for the operator who edits it. */
function calendarProblem(issue: { path: PropertyKey[]; message: string } | undefined): string {
  const where = issue?.path.map(String).join('.') ?? '';
  const what =
    issue?.message === 'notWeekend'
      ? 'ngày làm bù không phải thứ Bảy hay Chủ nhật'
      : issue?.message === 'alsoHoliday'
        ? 'ngày vừa là ngày nghỉ vừa là ngày làm bù'
        : 'sai định dạng (cần YYYY-MM-DD)';
  return where ? `${where}: ${what}` : what;
}

/** The centre's stored working-day calendar (D2). */
export function readCalendar(db: Db): CalendarDays {
  const rows = db
    .prepare<[], { date: string; kind: string }>('SELECT date, kind FROM calendar_days ORDER BY date')
    .all();
  return {
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
    workingWeekends: rows.filter((r) => r.kind === 'workingWeekend').map((r) => r.date),
  };
}

/** Replaces the stored calendar. Inside the caller's transaction, with recomputeDueDates after it. */
export function writeCalendar(db: Db, calendar: CalendarDays): void {
  db.exec('DELETE FROM calendar_days');
  const insert = db.prepare('INSERT INTO calendar_days (date, kind) VALUES (?, ?)');
  for (const d of calendar.holidays) insert.run(d, 'holiday');
  for (const d of calendar.workingWeekends) insert.run(d, 'workingWeekend');
}

/**
 * D11: re-derives every stored due date that came from processing days (explicit ones stay).
 * Only the distinct (receipt day, days) pairs go through the rules — a few thousand for a
 * million dossiers — and one UPDATE … FROM applies them. Inside the caller's transaction.
 */
export function recomputeDueDates(db: Db, days: WorkingDays): void {
  const pairs = db
    .prepare<[], { received_date: string; processing_days: number }>(
      'SELECT DISTINCT received_date, processing_days FROM dossiers WHERE explicit_due IS NULL',
    )
    .all();
  db.exec(`DROP TABLE IF EXISTS temp.due_map;
    CREATE TEMP TABLE due_map (received_date TEXT, days INTEGER, due TEXT, PRIMARY KEY (received_date, days)) WITHOUT ROWID`);
  const insert = db.prepare('INSERT INTO temp.due_map VALUES (?, ?, ?)');
  for (const p of pairs) insert.run(p.received_date, p.processing_days, days.due(p.received_date, p.processing_days));
  db.exec(`UPDATE dossiers SET due_date = m.due FROM temp.due_map AS m
    WHERE dossiers.explicit_due IS NULL AND m.received_date = dossiers.received_date
      AND m.days = dossiers.processing_days AND dossiers.due_date <> m.due;
    DROP TABLE temp.due_map`);
}
