import {
  diffSetup,
  DisplayConfig,
  ExplainedError,
  fillMessage,
  localDate,
  nameKey,
  newOfficerPinProblems,
  normalizeSetup,
  parseSetup,
  SETUP_FORMAT,
  SetupInvalidError,
  vi,
  workingDays,
  type CentreSettings,
  type CentreSetup,
  type Clock,
  type FieldProblem,
  type SetupChange,
} from '@luot/shared';
import { writeTransaction, type Db } from '../../db/open';
import { createAuditLog, type AuditActor } from '../audit/audit-log';
import type { CentreRepository } from '../centre/centre-repository';
import { readCalendar, recomputeDueDates, writeCalendar } from '../dossiers/dossier-calendar';
import { rebuildAggregates } from '../dossiers/dossier-aggregates';
import type { OfficerRepository } from '../officers/officer-repository';

const P = vi.setup.problems;
const R = vi.setup.refusals;

export interface SetupApplyResult {
  /** What changed (or would, on a dry run), in order. */
  changes: SetupChange[];
  /** The setup as it now stands. */
  setup: CentreSetup;
  /** Counters whose officer was signed out because their account was disabled (C6). */
  signedOut: number[];
}

/**
 * C8: the centre's setup as one document — read from the database, and a desired document applied
 * as the changes between the two, in one write transaction with one audit entry per change.
 * The one code path of `setup:apply`, `luot setup apply` and the demo's seeding.
 */
export function createSetupStore(
  db: Db,
  deps: { centre: CentreRepository; officers: OfficerRepository; clock: Clock },
) {
  const { centre, officers, clock } = deps;
  const audit = createAuditLog(db, clock);
  const displayRows = db.prepare<[], { id: number; name: string; config: string }>(
    'SELECT id, name, config FROM displays ORDER BY id',
  );
  const count = (sql: string, ...args: unknown[]): number =>
    (db.prepare(sql).get(...args) as { n: number } | undefined)?.n ?? 0;

  function readConfig(text: string): DisplayConfig {
    try {
      const parsed = DisplayConfig.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : DisplayConfig.parse({});
    } catch {
      return DisplayConfig.parse({});
    }
  }

  /** The stored setup; a database without a centre has empty settings (nothing set up yet). */
  function read(): CentreSetup {
    return normalizeSetup({
      format: SETUP_FORMAT,
      centre: centre.settings() ?? ({} as CentreSettings),
      services: centre.services(),
      counters: centre.counterRows().map((r) => ({
        id: r.id,
        number: r.number,
        name: r.name,
        serviceIds: JSON.parse(r.service_ids) as number[],
      })),
      officers: officers.list().map((o) => ({ name: o.name, disabled: o.disabled })),
      displays: displayRows.all().map((d) => ({ id: d.id, name: d.name, config: readConfig(d.config) })),
      calendar: (({ holidays, workingWeekends }) => ({
        holidays: [...holidays],
        workingWeekends: [...workingWeekends],
      }))(readCalendar(db)),
    });
  }

  /** C5, C6: what the centre's state today refuses (a deletion of something in use). */
  function checkState(changes: readonly SetupChange[]): void {
    const problems: FieldProblem[] = [];
    const today = localDate(clock.now());
    for (const c of changes) {
      if (c.op !== 'removed') continue;
      if (c.kind === 'service') {
        const s = c.before!;
        const open = count(
          "SELECT COUNT(*) AS n FROM tickets WHERE service_id = ? AND day = ? AND status IN ('waiting', 'called', 'serving')",
          s.id,
          today,
        );
        if (open > 0) {
          throw new ExplainedError(
            'SERVICE_HAS_WAITING',
            fillMessage(R.serviceHasWaiting, { name: s.name, count: open }),
          );
        }
        if (count('SELECT COUNT(*) AS n FROM tickets WHERE service_id = ?', s.id) > 0) {
          problems.push({ path: 'services', message: fillMessage(P.serviceHasHistory, { name: s.name }) });
        }
      } else if (c.kind === 'counter') {
        const x = c.before!;
        const busy =
          count('SELECT COUNT(*) AS n FROM counters WHERE id = ? AND officer_id IS NOT NULL', x.id) +
          count("SELECT COUNT(*) AS n FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')", x.id);
        if (busy > 0) throw new ExplainedError('COUNTER_BUSY', fillMessage(R.counterBusy, { number: x.number }));
        const history =
          count('SELECT COUNT(*) AS n FROM tickets WHERE counter_id = ?', x.id) +
          count('SELECT COUNT(*) AS n FROM calls WHERE counter_id = ?', x.id) +
          count('SELECT COUNT(*) AS n FROM devices WHERE counter_id = ?', x.id) +
          count('SELECT COUNT(*) AS n FROM pairing_codes WHERE counter_id = ?', x.id);
        if (history > 0)
          problems.push({ path: 'counters', message: fillMessage(P.counterHasHistory, { number: x.number }) });
      } else if (c.kind === 'officer') {
        const id = officerId(c.before!.name);
        const history =
          id === null
            ? 0
            : count('SELECT COUNT(*) AS n FROM tickets WHERE officer_id = ?', id) +
              count('SELECT COUNT(*) AS n FROM counters WHERE officer_id = ?', id);
        if (history > 0)
          problems.push({ path: 'officers', message: fillMessage(P.officerHasHistory, { name: c.before!.name }) });
      } else if (c.kind === 'display') {
        const used =
          count('SELECT COUNT(*) AS n FROM devices WHERE display_id = ?', c.before!.id) +
          count('SELECT COUNT(*) AS n FROM pairing_codes WHERE display_id = ?', c.before!.id);
        if (used > 0)
          problems.push({ path: 'displays', message: fillMessage(P.displayInUse, { name: c.before!.name }) });
      }
    }
    if (problems.length > 0) throw new SetupInvalidError(problems);
  }

  /** The stored officer a document's name means (case and spacing aside, as C6 compares names). */
  const officerId = (name: string): number | null =>
    officers.list().find((o) => nameKey(o.name) === nameKey(name))?.id ?? null;

  /** Writes the changes (inside the transaction), in an order the database's constraints accept. */
  function write(changes: readonly SetupChange[], desired: CentreSetup, by: AuditActor): number[] {
    const now = clock.now();
    const signedOut: number[] = [];
    const of = <K extends SetupChange['kind']>(kind: K, op?: SetupChange['op']) =>
      changes.filter(
        (c): c is Extract<SetupChange, { kind: K }> => c.kind === kind && (op === undefined || c.op === op),
      );

    if (of('centre').length > 0) centre.saveSettings(desired.centre);
    // Displays and counters first go (nothing refers to them any more), then services.
    for (const c of of('display', 'removed')) db.prepare('DELETE FROM displays WHERE id = ?').run(c.key);
    for (const c of of('counter', 'removed')) centre.removeCounter(c.key);
    for (const c of of('service', 'changed')) if (c.before!.block !== c.after!.block) centre.parkServiceBlock(c.key);
    for (const c of of('service', 'changed')) centre.updateService(c.after!);
    for (const c of of('service', 'added')) centre.addService(c.after!);
    for (const c of of('service', 'removed')) {
      db.prepare('DELETE FROM sequences WHERE service_id = ?').run(c.key);
      centre.removeService(c.key);
    }
    for (const c of of('counter', 'changed')) if (c.before!.number !== c.after!.number) centre.parkCounterNumber(c.key);
    for (const c of of('counter', 'changed')) centre.updateCounter(c.after!);
    for (const c of of('counter', 'added')) centre.addCounter({ ...c.after!, paused: false });
    for (const c of of('officer')) {
      if (c.op === 'added') {
        const added = officers.add(c.after!.name, c.after!.pin!, now);
        if (c.after!.disabled) officers.setDisabled(added.id, now);
        continue;
      }
      const id = officerId(c.before!.name);
      if (id === null) continue;
      if (c.op === 'removed') {
        officers.remove(id);
        continue;
      }
      if (c.before!.name !== c.after!.name) officers.rename(id, c.after!.name);
      if (c.before!.disabled !== c.after!.disabled) officers.setDisabled(id, c.after!.disabled ? now : null);
      if (c.after!.disabled) {
        // C6: a disabled officer is signed out, unless a citizen is being served at their counter.
        const at = db
          .prepare<[number], { id: number }>(
            "SELECT id FROM counters WHERE officer_id = ? AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.counter_id = counters.id AND t.status IN ('called', 'serving'))",
          )
          .all(id);
        for (const row of at) {
          db.prepare('UPDATE counters SET officer_id = NULL WHERE id = ?').run(row.id);
          db.prepare(
            "INSERT INTO queue_events (at, type, counter_id, device_id, officer_id, data) VALUES (?, 'signedOut', ?, ?, ?, ?)",
          ).run(now, row.id, by.deviceId, id, JSON.stringify({ reason: 'disabled' }));
          signedOut.push(row.id);
        }
      }
    }
    for (const c of of('display')) {
      if (c.op === 'removed') continue;
      const d = c.after!;
      db.prepare(
        'INSERT INTO displays (id, name, config) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, config = excluded.config',
      ).run(d.id, d.name, JSON.stringify(d.config));
    }
    for (const c of of('calendar')) {
      // D11: the calendar decides the dossiers' due dates too.
      writeCalendar(db, c.after!);
      recomputeDueDates(db, workingDays(c.after!));
      rebuildAggregates(db);
    }
    for (const c of changes) audit.record(by, `${c.kind}.${c.op}`, c.text);
    return signedOut;
  }

  const applyInTransaction = writeTransaction(db, (raw: unknown, by: AuditActor, dryRun: boolean): SetupApplyResult => {
    const parsed = parseSetup(raw);
    if (!parsed.ok) throw new SetupInvalidError(parsed.problems);
    const current = read();
    const pins = newOfficerPinProblems(
      parsed.setup,
      current.officers.map((o) => o.name),
    );
    if (pins.length > 0) throw new SetupInvalidError(pins);
    const changes = diffSetup(current, parsed.setup);
    checkState(changes);
    if (dryRun || changes.length === 0) return { changes, setup: current, signedOut: [] };
    const signedOut = write(changes, parsed.setup, by);
    return { changes, setup: read(), signedOut };
  });

  return {
    read,
    /**
     * C2, C5, C8: applies the document, or refuses it whole (SETUP_INVALID with every field,
     * SERVICE_HAS_WAITING, COUNTER_BUSY) with nothing written. A dry run says what would change.
     */
    apply: (raw: unknown, by: AuditActor, options: { dryRun?: boolean } = {}): SetupApplyResult =>
      applyInTransaction(raw, by, options.dryRun ?? false),
  };
}
export type SetupStore = ReturnType<typeof createSetupStore>;
