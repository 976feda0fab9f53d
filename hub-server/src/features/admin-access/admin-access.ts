import { createHash, randomInt } from 'node:crypto';
import {
  DEFAULT_PRIORITY_CATEGORIES,
  DomainError,
  ExplainedError,
  publicBase,
  fillMessage,
  vi,
  type CentreSettings,
  type Clock,
  type FirstStartInput,
  type PairInput,
  type Paired,
  type PairingApp,
  type PairingCode,
  type PairingCreateInput,
  type Role,
  type SetupStatus,
} from '@luot/shared';
import { writeTransaction, type Db } from '../../db/open';
import { createAuditLog, type AuditActor } from '../audit/audit-log';
import type { CentreRepository } from '../centre/centre-repository';
import type { Device, DeviceRepository } from '../devices/device-repository';
import { hashSecret } from '../secrets/scrypt-hash';
import { createAdminPassword } from './admin-password';
import { bindingProblem } from './device-binding';

/** G6: a pairing code works this long after it is made. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;

/** G6: the apps each code's role opens in: an admin's code pairs the counter app as the admin console. */
const APP_OF_ROLE: Record<Role, PairingApp> = {
  kiosk: 'kiosk',
  counter: 'counter',
  display: 'display',
  admin: 'counter',
};

/** G6: codes are stored only as their hash. */
const hashCode = (code: string): string => createHash('sha256').update(`luot-pairing:${code}`).digest('hex');

interface CodeRow {
  code_hash: string;
  role: Role;
  counter_id: number | null;
  display_id: number | null;
  printer: string | null;
  label: string;
  expires_at: number;
  used_at: number | null;
}

export interface AdminAccessDeps {
  db: Db;
  clock: Clock;
  centre: CentreRepository;
  devices: DeviceRepository;
}

/**
 * The way into a hub (C1, G6, G7): the first start sets the admin password and the centre; the
 * admin signs in with that password; a device pairs with a one-time code the admin made. Each
 * answers a new device token; each writes its change and its audit line in one transaction.
 */
export function createAdminAccess(deps: AdminAccessDeps) {
  const { db, clock, centre, devices } = deps;
  const password = createAdminPassword(db);
  const audit = createAuditLog(db, clock);
  const lastId = db.prepare<[], { id: number }>('SELECT last_insert_rowid() AS id');
  const codeRow = db.prepare<[string], CodeRow>('SELECT * FROM pairing_codes WHERE code_hash = ?');
  const putCode = db.prepare(
    `INSERT OR REPLACE INTO pairing_codes (code_hash, role, counter_id, display_id, printer, label, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const useCode = db.prepare('UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL');
  // Codes past their time are no use to anyone; a day later they go.
  const prune = db.prepare('DELETE FROM pairing_codes WHERE expires_at < ?');

  const setUp = (): boolean => centre.settings() !== null && password.exists();

  /** A new device and its token, with the device's id for the audit line. */
  function newDevice(
    role: Role,
    label: string,
    binding: { counterId?: number | null; displayId?: number | null; printer?: string | null } = {},
  ): { token: string; id: number } {
    const token = devices.create(role, binding.counterId ?? null, label, clock.now(), {
      displayId: binding.displayId ?? null,
      printer: binding.printer ?? null,
    });
    return { token, id: lastId.get()!.id };
  }

  const firstStartTx = writeTransaction(db, (input: FirstStartInput, hash: string): { token: string } => {
    if (setUp()) throw new DomainError('ALREADY_SET_UP');
    password.saveHash(hash);
    const current = centre.settings();
    // A centre applied from a file keeps all it has; only its name, level and address are the form's.
    const settings: CentreSettings = {
      ...(current ?? {
        blockSize: 1000,
        numberFormat: 'numeric',
        priorityCategories: DEFAULT_PRIORITY_CATEGORIES,
        maxPriorityInRow: 2,
        defaultServiceSeconds: 300,
      }),
      name: input.name,
      level: input.level,
    };
    const address = input.address.trim();
    if (address === '') delete settings.address;
    else settings.address = address;
    centre.saveSettings(settings);
    const label = vi.pairing.adminDeviceLabel;
    const device = newDevice('admin', label);
    audit.record(
      { deviceId: device.id, actor: label },
      'setup.firstStart',
      fillMessage(vi.pairing.audit.firstStart, { name: input.name }),
    );
    return { token: device.token };
  });

  const signInTx = writeTransaction(db, (): { token: string } => {
    const label = vi.pairing.adminDeviceLabel;
    const device = newDevice('admin', label);
    audit.record(
      { deviceId: device.id, actor: label },
      'admin.signIn',
      fillMessage(vi.pairing.audit.signIn, { id: device.id }),
    );
    return { token: device.token };
  });

  const createTx = writeTransaction(db, (by: AuditActor, input: PairingCreateInput): PairingCode => {
    const binding = {
      role: input.role,
      counterId: input.counterId ?? null,
      displayId: input.displayId ?? null,
      printer: input.printer ?? null,
    };
    const problem = bindingProblem(db, binding);
    if (problem) {
      const code =
        problem.kind === 'unknownCounter'
          ? 'COUNTER_NOT_FOUND'
          : problem.kind === 'unknownDisplay'
            ? 'NOT_FOUND'
            : 'BAD_REQUEST';
      throw new ExplainedError(code, problem.message);
    }
    const now = clock.now();
    prune.run(now - 24 * 60 * 60_000);
    // A code still in use is never given twice at once.
    const live = (hash: string): boolean => {
      const row = codeRow.get(hash);
      return row !== undefined && row.used_at === null && row.expires_at > now;
    };
    let code = '';
    let hash = '';
    for (let fresh = false; !fresh; fresh = !live(hash)) {
      code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      hash = hashCode(code);
    }
    const expiresAt = now + PAIRING_CODE_TTL_MS;
    putCode.run(hash, input.role, binding.counterId, binding.displayId, binding.printer, input.label, now, expiresAt);
    audit.record(
      by,
      'pairing.create',
      fillMessage(vi.pairing.audit.codeCreated, { role: vi.pairing.role[input.role], label: input.label }),
    );
    const base = publicBase(centre.settings(), '');
    return { code, expiresAt, url: `${base}/${APP_OF_ROLE[input.role]}/?pair=${code}` };
  });

  const pairTx = writeTransaction(db, (input: PairInput): Paired => {
    if (!setUp()) throw new DomainError('NOT_SET_UP');
    const typed = input.code.replace(/[\s.-]/g, '');
    const now = clock.now();
    const row = /^\d{6}$/.test(typed) ? codeRow.get(hashCode(typed)) : undefined;
    if (!row || row.used_at !== null || row.expires_at <= now) throw new DomainError('PAIRING_CODE_INVALID');
    // A code of another kind of device: refused, and still usable on the right one.
    if (APP_OF_ROLE[row.role] !== input.app) {
      throw new ExplainedError(
        'PAIRING_CODE_INVALID',
        fillMessage(vi.pairing.wrongApp, { device: vi.pairing.role[row.role], app: vi.pairing.app[input.app] }),
      );
    }
    if (useCode.run(now, row.code_hash).changes !== 1) throw new DomainError('PAIRING_CODE_INVALID');
    const device = newDevice(row.role, row.label, {
      counterId: row.counter_id,
      displayId: row.display_id,
      printer: row.printer,
    });
    audit.record(
      { deviceId: device.id, actor: row.label },
      'device.paired',
      fillMessage(vi.pairing.audit.paired, { role: vi.pairing.role[row.role], label: row.label, id: device.id }),
    );
    return { token: device.token, role: row.role };
  });

  return {
    /** C1: whether the centre is set up (a centre and an admin password), for apps without a token. */
    status: (): SetupStatus => ({ setUp: setUp(), centreName: centre.settings()?.name ?? '' }),
    isSetUp: setUp,
    /** C1: only while not set up (ALREADY_SET_UP otherwise); answers the browser's admin token. */
    firstStart(input: FirstStartInput): { token: string } {
      if (setUp()) throw new DomainError('ALREADY_SET_UP');
      // scrypt outside the write transaction: it takes a while and needs no lock.
      return firstStartTx(input, hashSecret(input.password));
    },
    /** G7: the password checked (the same work with none set); a new admin token, or null when wrong. */
    signIn(typed: string): { token: string } | null {
      if (!setUp()) throw new DomainError('NOT_SET_UP');
      return password.verify(typed) ? signInTx() : null;
    },
    /** G6: a new one-time code for a device of that role and binding. */
    createCode: (by: Device, input: PairingCreateInput): PairingCode =>
      createTx({ deviceId: by.id, actor: by.label }, input),
    /** G6: a code typed (or scanned) in an app: used once, in the transaction that makes the device. */
    pair: (input: PairInput): Paired => pairTx(input),
  };
}
export type AdminAccess = ReturnType<typeof createAdminAccess>;
