import { outcome, type ActionTable } from '../../actions';
import type { QueueReportFn } from './queue-report';

/** The head's queue figures (admin only). */
export function reportActions(queueReport: QueueReportFn): Pick<ActionTable, 'report:queue'> {
  return {
    'report:queue': {
      roles: ['admin'],
      run: (_device, input) => outcome(queueReport(input.from, input.to, input.groupBy ?? 'service')),
    },
  };
}
