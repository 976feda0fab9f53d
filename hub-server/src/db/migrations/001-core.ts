import type { Migration } from './migration';

export const core: Migration = {
  version: 1,
  name: 'core queue: centre, services, counters, devices, tickets, calls, event log',
  sql: `
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE services (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, field TEXT NOT NULL,
  block INTEGER NOT NULL UNIQUE, opens_at TEXT NOT NULL, closes_at TEXT NOT NULL
);
CREATE TABLE officers (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, pin_hash TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE TABLE counters (
  id INTEGER PRIMARY KEY, number INTEGER NOT NULL UNIQUE, name TEXT NOT NULL,
  service_ids TEXT NOT NULL, paused INTEGER NOT NULL DEFAULT 0,
  priority_streak INTEGER NOT NULL DEFAULT 0, officer_id INTEGER REFERENCES officers(id)
);
CREATE TABLE displays (id INTEGER PRIMARY KEY, name TEXT NOT NULL, config TEXT NOT NULL DEFAULT '{}');
CREATE TABLE devices (
  id INTEGER PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
  counter_id INTEGER REFERENCES counters(id), label TEXT NOT NULL,
  created_at INTEGER NOT NULL, revoked_at INTEGER
);
CREATE TABLE sequences (
  day TEXT NOT NULL, service_id INTEGER NOT NULL REFERENCES services(id), last_seq INTEGER NOT NULL,
  PRIMARY KEY (day, service_id)
) WITHOUT ROWID;
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY, public_id TEXT NOT NULL UNIQUE, day TEXT NOT NULL,
  service_id INTEGER NOT NULL REFERENCES services(id), number INTEGER NOT NULL, label TEXT NOT NULL,
  priority TEXT, status TEXT NOT NULL, issued_at INTEGER NOT NULL, queued_at INTEGER NOT NULL,
  counter_id INTEGER REFERENCES counters(id), officer_id INTEGER REFERENCES officers(id),
  called_at INTEGER, served_at INTEGER, ended_at INTEGER, transferred_from INTEGER REFERENCES tickets(id)
);
CREATE UNIQUE INDEX tickets_number ON tickets(day, service_id, number) WHERE transferred_from IS NULL;
CREATE INDEX tickets_open ON tickets(status, service_id, queued_at);
CREATE INDEX tickets_counter ON tickets(counter_id, status);
CREATE INDEX tickets_day ON tickets(day);
CREATE INDEX tickets_done ON tickets(service_id, status, ended_at);
CREATE TABLE calls (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  counter_id INTEGER NOT NULL REFERENCES counters(id), kind TEXT NOT NULL, at INTEGER NOT NULL
);
CREATE TABLE queue_events (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, type TEXT NOT NULL, ticket_id INTEGER,
  counter_id INTEGER, device_id INTEGER, officer_id INTEGER, data TEXT
);
CREATE INDEX queue_events_at ON queue_events(at);
`,
};
