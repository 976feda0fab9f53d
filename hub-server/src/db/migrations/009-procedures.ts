import type { Migration } from './migration';

/**
 * R1: the procedure catalogue, keyed by the procedure's code. Lists (documents, forms, legal basis)
 * are JSON; `service_id` is the service that receives it (R3), kept when that service is removed
 * (then the field decides again when read).
 */
export const procedures: Migration = {
  version: 9,
  name: 'procedure catalogue (SPEC R1)',
  sql: `
CREATE TABLE procedures (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  field TEXT NOT NULL,
  level TEXT,
  processing_time TEXT NOT NULL DEFAULT '',
  fees TEXT NOT NULL DEFAULT '',
  documents TEXT NOT NULL DEFAULT '[]',
  forms TEXT NOT NULL DEFAULT '[]',
  legal_basis TEXT NOT NULL DEFAULT '[]',
  service_id INTEGER,
  updated_at INTEGER NOT NULL
);
CREATE INDEX procedures_field ON procedures (field);`,
};
