/** The fields of a waiting ticket that decide its place in the queue. */
export interface QueuedTicket {
  id: number;
  serviceId: number;
  priority: string | null;
  /** Issue time, kept by a transfer so the citizen does not go to the back (Q4). */
  queuedAt: number;
}

export interface CallContext {
  /** The counter's services in its order of preference. */
  serviceOrder: readonly number[];
  /** Priority tickets this counter took in a row just before this call. */
  priorityStreak: number;
  maxPriorityInRow: number;
}

/**
 * Q1: within a service, priority tickets before ordinary ones, and first come first served
 * within a class (issue time, then id as a tie-break).
 */
export function compareTickets(a: QueuedTicket, b: QueuedTicket): number {
  const pa = a.priority === null ? 1 : 0;
  const pb = b.priority === null ? 1 : 0;
  return pa - pb || a.queuedAt - b.queuedAt || a.id - b.id;
}

function earliest(tickets: QueuedTicket[]): QueuedTicket | null {
  let best: QueuedTicket | null = null;
  for (const t of tickets) if (best === null || compareTickets(t, best) < 0) best = t;
  return best;
}

/**
 * The ticket a counter calls next (Q1–Q3).
 * Q3: the counter takes services in its order of preference: the first service with anyone
 * waiting is served. Q2: once the counter has taken `maxPriorityInRow` priority tickets in a
 * row, it takes the first ordinary ticket over its services (in preference order) if any waits.
 */
export function pickNext(waiting: readonly QueuedTicket[], ctx: CallContext): QueuedTicket | null {
  const byService = new Map<number, QueuedTicket[]>();
  for (const t of waiting) {
    const list = byService.get(t.serviceId);
    if (list) list.push(t);
    else byService.set(t.serviceId, [t]);
  }
  let first: QueuedTicket | null = null;
  for (const serviceId of ctx.serviceOrder) {
    first = earliest(byService.get(serviceId) ?? []);
    if (first) break;
  }
  if (!first || first.priority === null || ctx.priorityStreak < ctx.maxPriorityInRow) return first;
  for (const serviceId of ctx.serviceOrder) {
    const ordinary = earliest((byService.get(serviceId) ?? []).filter((t) => t.priority === null));
    if (ordinary) return ordinary;
  }
  return first;
}

/** The streak after a call: priority calls count up, an ordinary call resets it. */
export function nextPriorityStreak(streak: number, called: QueuedTicket): number {
  return called.priority === null ? 0 : streak + 1;
}

/** Q5: people a ticket will wait behind in its service (the queue order of Q1). */
export function countAhead(waiting: readonly QueuedTicket[], ticket: QueuedTicket): number {
  let n = 0;
  for (const t of waiting) {
    if (t.serviceId === ticket.serviceId && t.id !== ticket.id && compareTickets(t, ticket) < 0) n++;
  }
  return n;
}
