import type { Migration } from './migration';

/**
 * Q23: a service's sessions per weekday, last-number times and daily cap, as JSON (ServiceSchedule
 * in shared/src/model/service.ts); NULL keeps opens_at–closes_at Monday to Friday.
 */
export const serviceSchedule: Migration = {
  version: 7,
  name: 'service sessions, last-number times and daily cap (SPEC Q23)',
  sql: `ALTER TABLE services ADD COLUMN schedule TEXT;`,
};
