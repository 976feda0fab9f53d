import type { Migration } from './migration';

/**
 * The admin console (SPEC C1–C9, G6): the audit log of admin changes, one-time pairing codes (only
 * their hash), disabled officers, and the centre's recorded voice pack (WAV clips by word).
 */
export const admin: Migration = {
  version: 8,
  name: 'admin audit log, pairing codes, disabled officers, recorded voice clips',
  sql: `
CREATE TABLE admin_audit (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, device_id INTEGER, actor TEXT NOT NULL,
  action TEXT NOT NULL, summary TEXT NOT NULL
);
CREATE TABLE pairing_codes (
  code_hash TEXT PRIMARY KEY, role TEXT NOT NULL, counter_id INTEGER REFERENCES counters(id),
  display_id INTEGER REFERENCES displays(id), printer TEXT, label TEXT NOT NULL,
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER
);
ALTER TABLE officers ADD COLUMN disabled_at INTEGER;
CREATE TABLE voice_clips (word TEXT PRIMARY KEY, wav BLOB NOT NULL, recorded_at INTEGER NOT NULL);
`,
};
