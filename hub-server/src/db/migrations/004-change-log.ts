import type { Migration } from './migration';

export const changeLog: Migration = {
  version: 4,
  name: 'change log for writes by other processes (the luot command); the hub state that must survive a failed write',
  sql: `
CREATE TABLE change_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, subject INTEGER, at INTEGER NOT NULL
);
CREATE TABLE hub_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
};
