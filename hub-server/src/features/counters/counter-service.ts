import { DomainError, type Clock, type Officer } from '@luot/shared';
import type { Db } from '../../db/open';
import type { CentreRepository } from '../centre/centre-repository';
import type { OfficerRepository } from '../officers/officer-repository';
import type { Actor } from '../queue/queue-service';

/** A counter's own state: paused or open, and which officer sits at it. */
export function createCounterService(db: Db, centre: CentreRepository, officers: OfficerRepository, clock: Clock) {
  const setPaused = db.prepare('UPDATE counters SET paused = ? WHERE id = ?');
  const setOfficer = db.prepare('UPDATE counters SET officer_id = ? WHERE id = ?');
  const leaveOthers = db.prepare('UPDATE counters SET officer_id = NULL WHERE officer_id = ? AND id != ?');
  const log = db.prepare(
    'INSERT INTO queue_events (at, type, counter_id, device_id, officer_id) VALUES (?, ?, ?, ?, ?)',
  );

  function counterRow(counterId: number) {
    const row = centre.counterRow(counterId);
    if (!row) throw new DomainError('COUNTER_NOT_FOUND');
    return row;
  }

  const pause = (paused: boolean) =>
    db.transaction((counterId: number, actor: Actor): void => {
      const row = counterRow(counterId);
      if ((row.paused === 1) === paused) throw new DomainError('ACTION_OUT_OF_ORDER');
      setPaused.run(paused ? 1 : 0, counterId);
      log.run(clock.now(), paused ? 'paused' : 'resumed', counterId, actor.deviceId, row.officer_id);
    });

  return {
    pause: pause(true),
    resume: pause(false),
    /**
     * Q10: one officer per counter. The same officer signing in again is fine (a reloaded screen);
     * another officer is refused until the first signs out. Signing in elsewhere leaves the old counter.
     */
    signIn: db.transaction((counterId: number, name: string, pin: string, actor: Actor): Officer => {
      const row = counterRow(counterId);
      const officer = officers.verify(name, pin);
      if (!officer) throw new DomainError('OFFICER_BAD_CREDENTIALS');
      if (row.officer_id !== null && row.officer_id !== officer.id) throw new DomainError('COUNTER_TAKEN');
      leaveOthers.run(officer.id, counterId);
      setOfficer.run(officer.id, counterId);
      log.run(clock.now(), 'signedIn', counterId, actor.deviceId, officer.id);
      return officer;
    }),
    signOut: db.transaction((counterId: number, actor: Actor): void => {
      const row = counterRow(counterId);
      if (row.officer_id === null) throw new DomainError('OFFICER_REQUIRED');
      setOfficer.run(null, counterId);
      log.run(clock.now(), 'signedOut', counterId, actor.deviceId, row.officer_id);
    }),
  };
}
export type CounterService = ReturnType<typeof createCounterService>;
