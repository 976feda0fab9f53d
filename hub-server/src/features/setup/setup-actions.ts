import { DomainError, fillMessage, foldVi, vi, type Clock, type DisplayConfig, type OfficerInfo } from '@luot/shared';
import { outcome, type ActionTable } from '../../actions';
import { writeTransaction, type Db } from '../../db/open';
import type { HubEvent } from '../../realtime/notifier';
import { actorOf, createAuditLog, type AuditActor } from '../audit/audit-log';
import type { DisplayService } from '../display/display-service';
import type { Lockout } from '../limits/lockout';
import type { OfficerRepository } from '../officers/officer-repository';
import type { SetupStore } from './setup-store';

const ADMIN = ['admin'] as const;

/** Who made a change from a device: its label (C8's audit). */

export interface SetupActionDeps {
  db: Db;
  clock: Clock;
  setup: SetupStore;
  officers: OfficerRepository;
  display: DisplayService;
  /** L3's lock-outs of officer names, shown in the officer list (C6). */
  signInLockout?: Lockout;
}

/** The notifications an applied setup causes: every screen reloads the centre, walls get their configuration. */
export function setupEvents(
  result: { changes: readonly { kind: string; op: string; after: unknown }[]; signedOut: readonly number[] },
  display: DisplayService,
): HubEvent[] {
  if (result.changes.length === 0) return [];
  const events: HubEvent[] = [['centreChanged']];
  for (const c of result.changes) {
    if (c.kind !== 'display' || c.op === 'removed') continue;
    const d = c.after as { id: number; config: DisplayConfig };
    events.push(['displayConfigured', { displayId: d.id, config: d.config }]);
  }
  for (const id of result.signedOut) {
    const state = display.counterState(id);
    if (state) events.push(['counterUpdated', state]);
  }
  return events;
}

/** C2–C8: the admin console's setup, officers and audit log. Admins only. */
export function setupActions(
  deps: SetupActionDeps,
): Pick<ActionTable, 'setup:get' | 'setup:apply' | 'officer:list' | 'officer:resetPin' | 'audit:list'> {
  const { db, clock, setup, officers, display } = deps;
  const audit = createAuditLog(db, clock);

  function officerInfo(id: number): OfficerInfo | null {
    const o = officers.list().find((x) => x.id === id);
    return o ? infoOf(o) : null;
  }
  function infoOf(o: { id: number; name: string; disabled: boolean }): OfficerInfo {
    const at = db
      .prepare<[number], { number: number }>('SELECT number FROM counters WHERE officer_id = ? ORDER BY number LIMIT 1')
      .get(o.id);
    const lockedMs = deps.signInLockout?.lockedFor(`officer:${foldVi(o.name)}`) ?? 0;
    return {
      id: o.id,
      name: o.name,
      disabled: o.disabled,
      counterNumber: at?.number ?? null,
      lockedUntil: lockedMs > 0 ? clock.now() + lockedMs : null,
    };
  }

  const resetPin = writeTransaction(db, (by: AuditActor, officerId: number, pin: string): OfficerInfo => {
    const o = officers.get(officerId);
    if (!o || !officers.resetPin(officerId, pin)) throw new DomainError('NOT_FOUND', `cán bộ ${officerId}`);
    audit.record(by, 'officer.resetPin', fillMessage(vi.setup.changes.officerPinReset, { name: o.name }));
    return officerInfo(officerId)!;
  });

  return {
    'setup:get': { roles: ADMIN, run: () => outcome(setup.read()) },
    'setup:apply': {
      roles: ADMIN,
      run: (device, input) => {
        const result = setup.apply(input.setup, actorOf(device), { dryRun: input.dryRun });
        const data = { changes: result.changes.map((c) => c.text), setup: result.setup };
        return outcome(data, ...(input.dryRun ? [] : setupEvents(result, display)));
      },
    },
    'officer:list': {
      roles: ADMIN,
      run: () => outcome({ officers: officers.list().map(infoOf) }),
    },
    'officer:resetPin': {
      roles: ADMIN,
      run: (device, input) => {
        const info = resetPin(actorOf(device), input.officerId, input.pin);
        // A new PIN ends a lock-out of the name (L3): the officer can sign in with it at once.
        deps.signInLockout?.succeed(`officer:${foldVi(info.name)}`);
        return outcome(info);
      },
    },
    'audit:list': {
      roles: ADMIN,
      run: (_device, input) => outcome(audit.list(input.beforeId, input.limit)),
    },
  };
}
