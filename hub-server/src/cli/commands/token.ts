import {
  fillMessage,
  formatDateTimeVi,
  ROLES,
  systemClock,
  vi,
  type DeviceInfo,
  type DeviceList,
  type Role,
} from '@luot/shared';
import { recordChange } from '../../db/change-log';
import { openDatabase, writeTransaction } from '../../db/open';
import { COMMAND_LINE, createAuditLog } from '../../features/audit/audit-log';
import { bindingProblem } from '../../features/admin-access/device-binding';
import { createDeviceRepository } from '../../features/devices/device-repository';
import { dbPath, intFlag, parse, UsageError, type Command } from '../cli-context';

export const tokenCreate: Command = {
  path: ['token', 'create'],
  summary:
    'luot token create --role kiosk|counter|display|admin [--counter ID] [--display ID] [--printer tcp://HOST:PORT] [--label TEXT] [--db PATH]   cấp mã thiết bị',
  run(argv) {
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
    const displayId = values.display === undefined ? null : intFlag(values.display, 'display', 0);
    const printer = values.printer ?? null;
    const db = openDatabase(dbPath(values.db));
    try {
      // G6: the same check as an admin's pairing code.
      const problem = bindingProblem(db, { role, counterId, displayId, printer });
      if (problem) throw new UsageError(problem.message);
      const label = values.label ?? (counterId === null ? role : `counter-${counterId}`);
      const token = writeTransaction(db, () => {
        const made = createDeviceRepository(db).create(role, counterId, label, systemClock.now(), {
          displayId,
          printer,
        });
        // C9: the command line's change, in the admin audit log.
        const summary = fillMessage(vi.pairing.audit.tokenCreated, { role: vi.pairing.role[role], label });
        createAuditLog(db, systemClock).record(COMMAND_LINE, 'device.tokenCreated', summary);
        return made;
      })();
      recordChange(db, 'devices');
      console.log(token);
      return 0;
    } finally {
      db.close();
    }
  },
};

const ROLE_VI: Record<Role, string> = { kiosk: 'kiosk', counter: 'quầy', display: 'màn hình', admin: 'quản trị' };

/** What a device is bound to: its counter, its display, its network printer. */
function boundTo(d: DeviceInfo): string {
  if (d.counterId !== null) return `quầy mã ${d.counterId}`;
  if (d.displayId !== null) return `màn hình mã ${d.displayId}`;
  return d.printer ?? '—';
}

function deviceLine(d: DeviceInfo): string {
  return [
    String(d.id).padStart(4),
    ROLE_VI[d.role].padEnd(9),
    boundTo(d).padEnd(26),
    d.label.padEnd(24),
    formatDateTimeVi(d.createdAt).padEnd(16),
    (d.lastSeenAt === null ? 'chưa kết nối' : formatDateTimeVi(d.lastSeenAt)).padEnd(16),
    d.revokedAt === null ? 'đang dùng' : `đã thu hồi ${formatDateTimeVi(d.revokedAt)}`,
  ].join('  ');
}

/** G1: every device token (never the token itself), revoked ones included. */
export const tokenList: Command = {
  path: ['token', 'list'],
  summary: 'luot token list [--json] [--db PATH]   liệt kê mã thiết bị (không hiện mã)',
  run: listTokens,
};

function listTokens(argv: string[]): number {
  const { values, positionals } = parse(argv, { json: { type: 'boolean', default: false }, db: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`Không cần tham số "${positionals.join(' ')}".`);
  const db = openDatabase(dbPath(values.db));
  try {
    const list: DeviceList = { devices: createDeviceRepository(db).list() };
    if (values.json) {
      console.log(JSON.stringify(list));
      return 0;
    }
    if (list.devices.length === 0) {
      console.log('Chưa có thiết bị nào. Cấp mã bằng: luot token create --role …');
      return 0;
    }
    const head = ['Mã'.padStart(4), 'Vai trò'.padEnd(9), 'Gắn với'.padEnd(26), 'Nhãn'.padEnd(24)];
    console.log([...head, 'Tạo lúc'.padEnd(16), 'Lần cuối'.padEnd(16), 'Trạng thái'].join('  '));
    for (const d of list.devices) console.log(deviceLine(d));
    return 0;
  } finally {
    db.close();
  }
}

/**
 * G2: revokes a device's token. A running hub learns it from the change log (H2) and drops that
 * device's sockets within about a second; its requests are refused from the moment this commits.
 */
export const tokenRevoke: Command = {
  path: ['token', 'revoke'],
  summary: 'luot token revoke ID [--db PATH]   thu hồi mã của một thiết bị (xem mã bằng luot token list)',
  run: revokeToken,
};

function revokeToken(argv: string[]): number {
  const { values, positionals } = parse(argv, { db: { type: 'string' } });
  if (positionals.length !== 1)
    throw new UsageError('Cần đúng một mã thiết bị, ví dụ: luot token revoke 3 (xem luot token list).');
  const id = intFlag(positionals[0], 'ID', 0);
  const db = openDatabase(dbPath(values.db));
  try {
    const revoked = writeTransaction(db, () => {
      const done = createDeviceRepository(db).revoke(id, systemClock.now());
      // C9: a revoke that revoked something is in the admin audit log.
      if (done?.changed) {
        const summary = fillMessage(vi.pairing.audit.revoked, { id, label: done.device.label });
        createAuditLog(db, systemClock).record(COMMAND_LINE, 'device.revoked', summary);
      }
      return done;
    })();
    if (!revoked) throw new UsageError(`Không có thiết bị mã ${id} (xem luot token list).`);
    const { device, changed } = revoked;
    if (!changed) {
      console.log(
        `Thiết bị ${device.id} (${device.label}) đã bị thu hồi mã từ trước, lúc ${formatDateTimeVi(device.revokedAt ?? 0)}.`,
      );
      return 0;
    }
    recordChange(db, 'devices', device.id);
    console.log(
      `Đã thu hồi mã của thiết bị ${device.id} (${device.label}). Thiết bị này bị ngắt kết nối và không kết nối lại được.`,
    );
    return 0;
  } finally {
    db.close();
  }
}
