import { fillMessage, nameKey, SignInInput, systemClock, vi } from '@luot/shared';
import { recordChange } from '../../db/change-log';
import { openDatabase, writeTransaction, type Db } from '../../db/open';
import { COMMAND_LINE, createAuditLog } from '../../features/audit/audit-log';
import { createCentreRepository } from '../../features/centre/centre-repository';
import { createOfficerRepository } from '../../features/officers/officer-repository';
import { createSetupStore } from '../../features/setup/setup-store';
import { dbPath, parse, UsageError, type Command } from '../cli-context';

export const officerAdd: Command = {
  path: ['officer', 'add'],
  summary: 'luot officer add --name TÊN --pin 4-8 CHỮ SỐ [--db PATH]   thêm cán bộ',
  run(argv) {
    const { values } = parse(argv, { name: { type: 'string' }, pin: { type: 'string' }, db: { type: 'string' } });
    const parsed = SignInInput.pick({ name: true, pin: true }).safeParse({
      name: values.name ?? '',
      pin: values.pin ?? '',
    });
    if (!parsed.success) throw new UsageError('Cần --name (tên cán bộ) và --pin gồm 4 đến 8 chữ số.');
    const db = openDatabase(dbPath(values.db));
    try {
      const officer = writeTransaction(db, () => {
        const added = createOfficerRepository(db).add(parsed.data.name, parsed.data.pin, systemClock.now());
        // C8: every admin change is in the audit log, the command line's as "luot".
        createAuditLog(db, systemClock).record(
          COMMAND_LINE,
          'officer.added',
          fillMessage(vi.setup.changes.officerAdded, { name: added.name }),
        );
        return added;
      })();
      recordChange(db, 'officers');
      console.log(`Đã thêm cán bộ "${officer.name}" (mã ${officer.id}).`);
      return 0;
    } finally {
      db.close();
    }
  },
};

/** The officer a name given on the command line means (case and spacing aside), or a usage error. */
function officerNamed(db: Db, name: string): { id: number; name: string; disabled: boolean } {
  const officer = createOfficerRepository(db)
    .list()
    .find((o) => nameKey(o.name) === nameKey(name));
  if (!officer) throw new UsageError(`Không có cán bộ "${name}".`);
  return officer;
}

/** C6: disables or enables an account through the setup's one code path (audit, sign-out). */
function setDisabled(disabled: boolean): Command['run'] {
  return (argv) => {
    const { values, positionals } = parse(argv, { db: { type: 'string' } });
    const name = positionals.join(' ').trim();
    if (!name) throw new UsageError('Cần tên cán bộ.');
    const db = openDatabase(dbPath(values.db));
    try {
      const officer = officerNamed(db, name);
      const officers = createOfficerRepository(db);
      const store = createSetupStore(db, { centre: createCentreRepository(db), officers, clock: systemClock });
      const current = store.read();
      const desired = {
        ...current,
        officers: current.officers.map((o) => (nameKey(o.name) === nameKey(officer.name) ? { ...o, disabled } : o)),
      };
      const result = store.apply(desired, COMMAND_LINE);
      if (result.changes.length === 0) {
        console.log(
          `Cán bộ "${officer.name}" ${disabled ? 'đã bị khóa' : 'đang hoạt động'} từ trước; không có gì thay đổi.`,
        );
        return 0;
      }
      recordChange(db, 'officers');
      for (const c of result.changes) console.log(c.text);
      return 0;
    } finally {
      db.close();
    }
  };
}

export const officerDisable: Command = {
  path: ['officer', 'disable'],
  summary: 'luot officer disable TÊN [--db PATH]   khóa tài khoản cán bộ (không đăng nhập được nữa)',
  run: setDisabled(true),
};

export const officerEnable: Command = {
  path: ['officer', 'enable'],
  summary: 'luot officer enable TÊN [--db PATH]   mở khóa tài khoản cán bộ',
  run: setDisabled(false),
};

export const officerResetPin: Command = {
  path: ['officer', 'reset-pin'],
  summary: 'luot officer reset-pin TÊN --pin 4-8 CHỮ SỐ [--db PATH]   đặt lại mã PIN của cán bộ',
  run(argv) {
    const { values, positionals } = parse(argv, { pin: { type: 'string' }, db: { type: 'string' } });
    const name = positionals.join(' ').trim();
    const pin = SignInInput.shape.pin.safeParse(values.pin ?? '');
    if (!name || !pin.success) throw new UsageError('Cần tên cán bộ và --pin gồm 4 đến 8 chữ số.');
    const db = openDatabase(dbPath(values.db));
    try {
      const officer = officerNamed(db, name);
      writeTransaction(db, () => {
        createOfficerRepository(db).resetPin(officer.id, pin.data);
        createAuditLog(db, systemClock).record(
          COMMAND_LINE,
          'officer.resetPin',
          fillMessage(vi.setup.changes.officerPinReset, { name: officer.name }),
        );
      })();
      console.log(fillMessage(vi.setup.changes.officerPinReset, { name: officer.name }) + '.');
      return 0;
    } finally {
      db.close();
    }
  },
};
