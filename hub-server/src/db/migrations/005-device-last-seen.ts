import type { Migration } from './migration';

export const deviceLastSeen: Migration = {
  version: 5,
  name: 'when each device token last authenticated (SPEC G1)',
  sql: `
ALTER TABLE devices ADD COLUMN last_seen_at INTEGER;
`,
};
