import { SignInInput, systemClock } from '@luot/shared';
import { recordChange } from '../../db/change-log';
import { openDatabase } from '../../db/open';
import { createOfficerRepository } from '../../features/officers/officer-repository';
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
      const officer = createOfficerRepository(db).add(parsed.data.name, parsed.data.pin, systemClock.now());
      recordChange(db, 'officers');
      console.log(`Đã thêm cán bộ "${officer.name}" (mã ${officer.id}).`);
      return 0;
    } finally {
      db.close();
    }
  },
};
