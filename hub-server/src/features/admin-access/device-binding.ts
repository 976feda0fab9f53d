import { fillMessage, vi, type Role } from '@luot/shared';
import type { Db } from '../../db/open';

/** What a new device token is bound to, by role (G6; as `luot token create` takes it). */
export interface DeviceBinding {
  role: Role;
  counterId: number | null;
  displayId: number | null;
  printer: string | null;
}

/** Why a binding is refused: `unknown` names a counter or display that does not exist. */
export interface BindingProblem {
  kind: 'invalid' | 'unknownCounter' | 'unknownDisplay';
  /** Vietnamese, shown as it is. */
  message: string;
}

const PRINTER = /^tcp:\/\/[\w.-]+:\d{1,5}$/;

/**
 * G6: the one check of a device's binding, for a pairing code and for `luot token create`: a
 * counter token names its counter and only it names one, a display token alone names a display,
 * a kiosk alone a network printer (tcp://HOST:PORT); the counter and display named must exist.
 * Null when the binding is good.
 */
export function bindingProblem(db: Db, b: DeviceBinding): BindingProblem | null {
  const m = vi.pairing.binding;
  if (b.role === 'counter' && b.counterId === null) return { kind: 'invalid', message: m.counterRequired };
  if (b.role !== 'counter' && b.counterId !== null) return { kind: 'invalid', message: m.counterOnly };
  if (b.role !== 'display' && b.displayId !== null) return { kind: 'invalid', message: m.displayOnly };
  if (b.role !== 'kiosk' && b.printer !== null) return { kind: 'invalid', message: m.printerOnly };
  if (b.printer !== null && !PRINTER.test(b.printer)) return { kind: 'invalid', message: m.printerFormat };
  if (b.counterId !== null && !db.prepare('SELECT 1 FROM counters WHERE id = ?').get(b.counterId)) {
    return { kind: 'unknownCounter', message: fillMessage(m.counterUnknown, { id: b.counterId }) };
  }
  if (b.displayId !== null && !db.prepare('SELECT 1 FROM displays WHERE id = ?').get(b.displayId)) {
    return { kind: 'unknownDisplay', message: fillMessage(m.displayUnknown, { id: b.displayId }) };
  }
  return null;
}
