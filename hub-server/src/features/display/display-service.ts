import type { CallEvent, CounterState, DisplayState, DisplaySync, ScreenTicket, Ticket } from '@luot/shared';
import type { Db } from '../../db/open';
import { toCounter, type CentreRepository, type CounterRow } from '../centre/centre-repository';
import type { OfficerRepository } from '../officers/officer-repository';
import type { HubEvent } from '../../realtime/notifier';
import type { QueueService } from '../queue/queue-service';
import { logoUrl } from '../centre/centre-logo';

interface CallRow {
  seq: number;
  kind: 'call' | 'recall';
  at: number;
  ticket_id: number;
  label: string;
  number: number;
  service_id: number;
  counter_id: number;
  counter_number: number;
}

const CALL_SELECT = `SELECT c.seq, c.kind, c.at, c.ticket_id, t.label, t.number, t.service_id, c.counter_id,
  k.number AS counter_number FROM calls c JOIN tickets t ON t.id = c.ticket_id JOIN counters k ON k.id = c.counter_id`;

/** H9: a tile shows the number and its service, nothing that identifies or ranks the citizen. */
const screenTicket = (t: Ticket | null): ScreenTicket | null =>
  t && { id: t.id, serviceId: t.serviceId, number: t.number, label: t.label, status: t.status, counterId: t.counterId };

const toCall = (r: CallRow): CallEvent => ({
  seq: r.seq,
  kind: r.kind,
  ticketId: r.ticket_id,
  label: r.label,
  number: r.number,
  serviceId: r.service_id,
  counterId: r.counter_id,
  counterNumber: r.counter_number,
  at: new Date(r.at).toISOString(),
});

/** How many recent calls the wall lists. */
export const LAST_CALLS = 8;
/** W8: a display that missed more calls than this gets the newest ones; older ones are long stale. */
export const MAX_MISSED = 200;

/** What the wall shows, and what a reconnecting display missed. */
export function createDisplayService(
  db: Db,
  centre: CentreRepository,
  queue: QueueService,
  officers: OfficerRepository,
) {
  const call = db.prepare<[number], CallRow>(`${CALL_SELECT} WHERE c.seq = ?`);
  const lastCalls = db.prepare<[number], CallRow>(`${CALL_SELECT} ORDER BY c.seq DESC LIMIT ?`);
  const after = db.prepare<[number, number], CallRow>(`${CALL_SELECT} WHERE c.seq > ? ORDER BY c.seq DESC LIMIT ?`);
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM calls');

  const toState = (row: CounterRow): CounterState => ({
    ...toCounter(row),
    current: screenTicket(queue.current(row.id)),
    officer: row.officer_id === null ? null : officers.get(row.officer_id),
  });
  const counterStates = (): CounterState[] => centre.counterRows().map(toState);

  function state(): DisplayState {
    return {
      centreName: centre.settings()?.name ?? '',
      addressForm: centre.settings()?.addressForm ?? 'congDan',
      logoUrl: logoUrl(centre.settings()),
      services: centre.services(),
      counters: counterStates(),
      lastCalls: lastCalls.all(LAST_CALLS).map(toCall),
      seq: maxSeq.get()?.seq ?? 0,
    };
  }

  return {
    state,
    counterStates,
    counterState(counterId: number): CounterState | null {
      const row = centre.counterRow(counterId);
      return row ? toState(row) : null;
    },
    call(seq: number): CallEvent | null {
      const row = call.get(seq);
      return row ? toCall(row) : null;
    },
    /** What the screens must learn after a counter changed: the call to announce, its tile, the queue counts. */
    counterChanged(counterId: number, callSeq?: number): HubEvent[] {
      const events: HubEvent[] = [];
      const called = callSeq === undefined ? undefined : call.get(callSeq);
      if (called) events.push(['ticketCalled', toCall(called)]);
      const row = centre.counterRow(counterId);
      if (row) events.push(['counterUpdated', toState(row)]);
      events.push(['queueUpdated', queue.queues()]);
      return events;
    },
    /** After the day closed (Q8): every tile and every queue count. */
    dayClosed(): HubEvent[] {
      return [...counterStates().map((c): HubEvent => ['counterUpdated', c]), ['queueUpdated', queue.queues()]];
    },
    /** Reads state and missed calls in one transaction so they agree with each other. */
    sync: db.transaction((afterSeq: number): DisplaySync => {
      const s = state();
      const missed = afterSeq > 0 ? after.all(afterSeq, MAX_MISSED).reverse().map(toCall) : [];
      return { state: s, missed };
    }),
  };
}
export type DisplayService = ReturnType<typeof createDisplayService>;
