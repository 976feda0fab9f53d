import { DomainError, type Officer } from '@luot/shared';
import { writeTransaction, type Db } from '../../db/open';
import type { CentreRepository } from '../centre/centre-repository';
import type { EventLog } from '../event-log/event-log';
import type { OfficerRepository } from '../officers/officer-repository';
import type { Actor } from '../queue/queue-service';

/** A counter's own state: paused or open, and which officer sits at it. */
export function createCounterService(db: Db, centre: CentreRepository, officers: OfficerRepository, events: EventLog) {
  const setPaused = db.prepare('UPDATE counters SET paused = ? WHERE id = ?');
  const setOfficer = db.prepare('UPDATE counters SET officer_id = ? WHERE id = ?');
  const leaveOthers = db.prepare('UPDATE counters SET officer_id = NULL WHERE officer_id = ? AND id != ?');

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
      events.record({ type: paused ? 'paused' : 'resumed', counterId, deviceId: actor.deviceId, officerId: row.officer_id });
    });

  return {
    pause: pause(true),
    resume: pause(false),
    /**
     * Q10: one officer per counter. The same officer signing in again is fine (a reloaded screen);
     * another officer is refused until the first signs out. Signing in elsewhere leaves the old counter.
     */
    signIn: writeTransaction(db, (counterId: number, name: string, pin: string, actor: Actor): Officer => {
      const row = counterRow(counterId);
      const officer = officers.verify(name, pin);
      if (!officer) throw new DomainError('OFFICER_BAD_CREDENTIALS');
      if (row.officer_id !== null && row.officer_id !== officer.id) throw new DomainError('COUNTER_TAKEN');
      leaveOthers.run(officer.id, counterId);
      setOfficer.run(officer.id, counterId);
      events.record({ type: 'signedIn', counterId, deviceId: actor.deviceId, officerId: officer.id });
      return officer;
    }),
    signOut: writeTransaction(db, (counterId: number, actor: Actor): void => {
      const row = counterRow(counterId);
      if (row.officer_id === null) throw new DomainError('OFFICER_REQUIRED');
      setOfficer.run(null, counterId);
      events.record({ type: 'signedOut', counterId, deviceId: actor.deviceId, officerId: row.officer_id });
    }),
  };
}
export type CounterService = ReturnType<typeof createCounterService>;
