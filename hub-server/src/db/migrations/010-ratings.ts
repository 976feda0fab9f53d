import type { Migration } from './migration';

/**
 * RT5: one satisfaction rating per ticket, tied to the ticket, counter, officer and service at the
 * time it was finished, never to a person; `scale` is the centre's scale when it was given.
 */
export const ratings: Migration = {
  version: 10,
  name: 'satisfaction ratings (SPEC RT5)',
  sql: `
CREATE TABLE ratings (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
  counter_id INTEGER REFERENCES counters(id),
  officer_id INTEGER REFERENCES officers(id),
  service_id INTEGER NOT NULL REFERENCES services(id),
  level TEXT NOT NULL,
  scale INTEGER NOT NULL,
  reason TEXT,
  at INTEGER NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX ratings_at ON ratings (at);`,
};
