import { ROLES, systemClock, type Role } from '@luot/shared';
import { openDatabase } from '../../db/open';
import { createCentreRepository } from '../../features/centre/centre-repository';
import { createDeviceRepository } from '../../features/devices/device-repository';
import { dbPath, intFlag, parse, UsageError, type Command } from '../cli-context';

export const tokenCreate: Command = {
  path: ['token', 'create'],
  summary: 'luot token create --role kiosk|counter|display|admin [--counter ID] [--label TEXT] [--db PATH]   cấp mã thiết bị',
  async run(argv) {
    const { values } = parse(argv, {
      role: { type: 'string' },
      counter: { type: 'string' },
      label: { type: 'string' },
      db: { type: 'string' },
    });
    const role = values.role as Role | undefined;
    if (!role || !ROLES.includes(role)) throw new UsageError(`--role phải là một trong: ${ROLES.join(', ')}.`);
    const counterId = values.counter === undefined ? null : intFlag(values.counter, 'counter', 0);
    if (role === 'counter' && counterId === null) throw new UsageError('Mã cho quầy cần --counter ID.');
    if (role !== 'counter' && counterId !== null) throw new UsageError('--counter chỉ dùng với --role counter.');
    const db = openDatabase(dbPath(values.db));
    try {
      if (counterId !== null && !createCentreRepository(db).counter(counterId)) {
        throw new UsageError(`Không có quầy mã ${counterId}.`);
      }
      const label = values.label ?? (counterId === null ? role : `counter-${counterId}`);
      console.log(createDeviceRepository(db).create(role, counterId, label, systemClock.now()));
      return 0;
    } finally {
      db.close();
    }
  },
};
