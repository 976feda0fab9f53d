import { aroundAction, outcome, type ActionTable } from '../../actions';
import type { TicketPrinting } from './ticket-printing';

type PrintingActions = Pick<ActionTable, 'ticket:issue' | 'printer:get' | 'ticket:printable'>;

/**
 * The queue's actions with printing added: issuing a ticket at a kiosk that has a network
 * printer also prints it (after the answer, K1); a kiosk learns who prints its tickets, and
 * fetches the job for its own USB printer (K8).
 */
export function withTicketPrinting<T extends Pick<ActionTable, 'ticket:issue'>>(
  actions: T,
  printing: TicketPrinting,
): Omit<T, keyof PrintingActions> & PrintingActions {
  return {
    ...aroundAction(actions, 'ticket:issue', (issue) => (device, input) => {
      const issued = issue(device, input);
      printing.afterIssue(device, issued.data);
      return issued;
    }),
    'printer:get': {
      roles: ['kiosk', 'admin'],
      run: (device) => outcome({ hubPrinter: device.printer !== null }),
    },
    'ticket:printable': {
      roles: ['kiosk'],
      run: (device, { ticketId }) => outcome(printing.printable(device, ticketId)),
    },
  };
}
