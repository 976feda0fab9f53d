import { ROLES, systemClock, type Role } from '@luot/shared';
import { recordChange } from '../../db/change-log';
import { openDatabase } from '../../db/open';
import { createCentreRepository } from '../../features/centre/centre-repository';
import { createDeviceRepository } from '../../features/devices/device-repository';
import { dbPath, intFlag, parse, UsageError, type Command } from '../cli-context';

export const tokenCreate: Command = {
  path: ['token', 'create'],
  summary:
    'luot token create --role kiosk|counter|display|admin [--counter ID] [--display ID] [--printer tcp://HOST:PORT] [--label TEXT] [--db PATH]   cấp mã thiết bị',
  async run(argv) {
    const { values } = parse(argv, {
      role: { type: 'string' },
      counter: { type: 'string' },
      display: { type: 'string' },
      printer: { type: 'string' },
      label: { type: 'string' },
      db: { type: 'string' },
    });
    const role = values.role as Role | undefined;
    if (!role || !ROLES.includes(role)) throw new UsageError(`--role phải là một trong: ${ROLES.join(', ')}.`);
    const counterId = values.counter === undefined ? null : intFlag(values.counter, 'counter', 0);
    if (role === 'counter' && counterId === null) throw new UsageError('Mã cho quầy cần --counter ID.');
    if (role !== 'counter' && counterId !== null) throw new UsageError('--counter chỉ dùng với --role counter.');
    const displayId = values.display === undefined ? null : intFlag(values.display, 'display', 0);
    if (role !== 'display' && displayId !== null) throw new UsageError('--display chỉ dùng với --role display.');
    const printer = values.printer ?? null;
    if (printer !== null && role !== 'kiosk') throw new UsageError('--printer chỉ dùng với --role kiosk.');
    if (printer !== null && !/^tcp:\/\/[\w.-]+:\d{1,5}$/.test(printer)) {
      throw new UsageError('--printer phải có dạng tcp://HOST:PORT, ví dụ tcp://192.168.1.50:9100.');
    }
    const db = openDatabase(dbPath(values.db));
    try {
      if (counterId !== null && !createCentreRepository(db).counter(counterId)) {
        throw new UsageError(`Không có quầy mã ${counterId}.`);
      }
      if (displayId !== null && !db.prepare('SELECT 1 FROM displays WHERE id = ?').get(displayId)) {
        throw new UsageError(`Không có màn hình mã ${displayId}.`);
      }
      const label = values.label ?? (counterId === null ? role : `counter-${counterId}`);
      const token = createDeviceRepository(db).create(role, counterId, label, systemClock.now(), { displayId, printer });
      recordChange(db, 'devices');
      console.log(token);
      return 0;
    } finally {
      db.close();
    }
  },
};
