import type { AuditEntry, AuditList, Clock } from '@luot/shared';
import type { Db } from '../../db/open';

/** Who made an admin change: a device (the console) or the command line (device null, actor "luot"). */
export interface AuditActor {
  deviceId: number | null;
  actor: string;
}

export const COMMAND_LINE: AuditActor = { deviceId: null, actor: 'luot' };

/** The device that made a change through the console or the REST edge, as the log names it. */
export const actorOf = (device: { id: number; label: string }): AuditActor => ({
  deviceId: device.id,
  actor: device.label,
});

interface AuditRow {
  id: number;
  at: number;
  device_id: number | null;
  actor: string;
  action: string;
  summary: string;
}

/**
 * C9: the admin audit log: who changed what, when. The one writer of `admin_audit`; call it inside
 * the transaction that made the change, so the log and the setup never disagree.
 */
export function createAuditLog(db: Db, clock: Clock) {
  const insert = db.prepare('INSERT INTO admin_audit (at, device_id, actor, action, summary) VALUES (?, ?, ?, ?, ?)');
  const page = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM admin_audit WHERE id < ? ORDER BY id DESC LIMIT ?',
  );
  return {
    /** One change; `summary` says it in Vietnamese ("Thêm dịch vụ Đất đai (khối 1)"). */
    record(by: AuditActor, action: string, summary: string): void {
      insert.run(clock.now(), by.deviceId, by.actor, action, summary);
    },
    /** Newest first, `limit` entries older than `beforeId`. */
    list(beforeId = Number.MAX_SAFE_INTEGER, limit = 50): AuditList {
      const entries: AuditEntry[] = page.all(beforeId, limit).map((r) => ({
        id: r.id,
        at: r.at,
        deviceId: r.device_id,
        actor: r.actor,
        action: r.action,
        summary: r.summary,
      }));
      return { entries };
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
