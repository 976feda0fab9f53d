import { DomainError, ExplainedError, vi, type Officer } from '@luot/shared';
import { writeTransaction, type Db } from '../../db/open';
import type { CentreRepository } from '../centre/centre-repository';
import type { EventLog } from '../event-log/event-log';
import type { OfficerRepository } from '../officers/officer-repository';
import type { Actor } from '../queue/queue-service';

/** Q18: where the officer is signed in, in Vietnamese (the refusal's detail). */
const atOtherCounterText = (name: string, n: number): string =>
  vi.counterApp.atOtherCounter.replace('{name}', name).replace('{n}', String(n));

/** A counter's own state: paused or open, and which officer sits at it. */
export function createCounterService(db: Db, centre: CentreRepository, officers: OfficerRepository, events: EventLog) {
  const setPaused = db.prepare('UPDATE counters SET paused = ? WHERE id = ?');
  const setOfficer = db.prepare('UPDATE counters SET officer_id = ? WHERE id = ?');
  const leaveOthers = db.prepare('UPDATE counters SET officer_id = NULL WHERE officer_id = ? AND id != ?');
  const currentStatus = db.prepare<[number], { id: number; status: string }>(
    "SELECT id, status FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')",
  );
  const requeue = db.prepare(
    "UPDATE tickets SET status = 'waiting', counter_id = NULL, officer_id = NULL, called_at = NULL WHERE id = ? AND status = 'called'",
  );
  const othersOf = db.prepare<[number, number], { id: number; number: number }>(
    'SELECT id, number FROM counters WHERE officer_id = ? AND id != ? ORDER BY id',
  );

  function counterRow(counterId: number) {
    const row = centre.counterRow(counterId);
    if (!row) throw new DomainError('COUNTER_NOT_FOUND');
    return row;
  }

  const pause = (paused: boolean) =>
    writeTransaction(db, (counterId: number, actor: Actor): void => {
      const row = counterRow(counterId);
      if ((row.paused === 1) === paused) throw new DomainError('ACTION_OUT_OF_ORDER');
      setPaused.run(paused ? 1 : 0, counterId);
      events.record({
        type: paused ? 'paused' : 'resumed',
        counterId,
        deviceId: actor.deviceId,
        officerId: row.officer_id,
      });
    });

  /**
   * Q27: an officer leaves a counter (signs out, or moves to another): a citizen being served there
   * must be finished first (COUNTER_BUSY); one only called goes back to the queue in its place.
   */
  function leave(counterId: number, officerId: number, reason: 'signedOut' | 'moved', actor: Actor): void {
    for (const t of currentStatus.all(counterId)) {
      if (t.status === 'serving') throw new DomainError('COUNTER_BUSY');
      requeue.run(t.id);
      events.record({
        type: 'requeued',
        ticketId: t.id,
        counterId,
        deviceId: actor.deviceId,
        officerId,
        data: { reason },
      });
    }
  }

  return {
    pause: pause(true),
    resume: pause(false),
    /**
     * Q10: one officer per counter. The same officer signing in again is fine (a reloaded screen);
     * another officer is refused until the first signs out. Q18: an officer signed in at another
     * counter moves only when the move is confirmed (`move`), which signs them out there; the
     * counters left are returned so their screens and tiles learn they are closed.
     */
    signIn: writeTransaction(
      db,
      (
        counterId: number,
        name: string,
        pin: string,
        move: boolean,
        actor: Actor,
      ): { officer: Officer; left: number[] } => {
        const row = counterRow(counterId);
        const officer = officers.verify(name, pin);
        if (!officer) throw new DomainError('OFFICER_BAD_CREDENTIALS');
        // C6: a disabled account is refused once its PIN is right (a wrong PIN stays a failure, L3).
        if (officers.isDisabled(officer.id)) throw new DomainError('OFFICER_DISABLED');
        if (row.officer_id !== null && row.officer_id !== officer.id) throw new DomainError('COUNTER_TAKEN');
        const others = othersOf.all(officer.id, counterId);
        if (others.length > 0 && !move) {
          throw new ExplainedError('OFFICER_AT_OTHER_COUNTER', atOtherCounterText(officer.name, others[0]!.number));
        }
        for (const o of others) leave(o.id, officer.id, 'moved', actor);
        leaveOthers.run(officer.id, counterId);
        for (const o of others) {
          events.record({
            type: 'signedOut',
            counterId: o.id,
            deviceId: actor.deviceId,
            officerId: officer.id,
            data: { movedTo: row.number },
          });
        }
        setOfficer.run(officer.id, counterId);
        events.record({ type: 'signedIn', counterId, deviceId: actor.deviceId, officerId: officer.id });
        return { officer, left: others.map((o) => o.id) };
      },
    ),
    signOut: writeTransaction(db, (counterId: number, actor: Actor): void => {
      const row = counterRow(counterId);
      if (row.officer_id === null) throw new DomainError('OFFICER_REQUIRED');
      leave(counterId, row.officer_id, 'signedOut', actor);
      setOfficer.run(null, counterId);
      events.record({ type: 'signedOut', counterId, deviceId: actor.deviceId, officerId: row.officer_id });
    }),
  };
}
export type CounterService = ReturnType<typeof createCounterService>;
