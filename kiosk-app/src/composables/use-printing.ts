import type { ErrorCode, IssuedTicket, PrintOutcome } from '@luot/shared';
import { HubError, type HubConnection } from '@luot/shared/client/connection';
import { shallowRef } from 'vue';
import { shellPrinter } from './shell-bridge';

/** What the citizen is told about the paper ticket: nothing (no printer), printing, or how it went. */
export type PrintState = { kind: 'none' } | { kind: 'printing' } | { kind: 'finished'; outcome: PrintOutcome };

/** Outcomes kept for tickets not yet on screen, should one ever overtake its ticket's answer. */
const EARLY_KEEP = 8;

/**
 * The paper side of a ticket (K1, K8). A kiosk whose token names a network printer is printed
 * for by the hub, which reports back with `print:finished`; a kiosk in its Electron shell with a
 * USB printer prints the hub's job through the shell's bridge; any other kiosk shows the ticket
 * on screen only.
 */
export function usePrinting(hub: HubConnection) {
  const state = shallowRef<PrintState>({ kind: 'none' });
  let hubPrinter = false;
  let current: number | null = null;
  const early = new Map<number, PrintOutcome>();

  hub.socket.on('connect', () => {
    hub.request('printer:get', {}).then(
      (p) => (hubPrinter = p.hubPrinter),
      () => (hubPrinter = false),
    );
  });
  hub.socket.on('print:finished', ({ ticketId, outcome }) => {
    if (ticketId === current) state.value = { kind: 'finished', outcome };
    else {
      early.set(ticketId, outcome);
      if (early.size > EARLY_KEEP) early.delete(early.keys().next().value as number);
    }
  });

  const failed = (code: ErrorCode): PrintState => ({ kind: 'finished', outcome: { ok: false, code } });

  async function printFor(ticket: IssuedTicket): Promise<void> {
    current = ticket.id;
    const known = early.get(ticket.id);
    if (known) {
      state.value = { kind: 'finished', outcome: known };
      return;
    }
    if (hubPrinter) {
      state.value = { kind: 'printing' };
      return;
    }
    const print = shellPrinter();
    if (!print) {
      state.value = { kind: 'none' };
      return;
    }
    state.value = { kind: 'printing' };
    let next: PrintState;
    try {
      next = { kind: 'finished', outcome: await print(await hub.request('ticket:printable', { ticketId: ticket.id })) };
    } catch (e) {
      next = failed(e instanceof HubError ? e.code : 'PRINTER_UNREACHABLE');
    }
    // The citizen may have finished (or the next one started) while the paper was coming out.
    if (current === ticket.id) state.value = next;
  }

  function clear(): void {
    current = null;
    state.value = { kind: 'none' };
  }

  return { state, printFor, clear };
}
