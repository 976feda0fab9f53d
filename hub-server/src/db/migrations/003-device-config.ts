import type { Migration } from './migration';

export const deviceConfig: Migration = {
  version: 3,
  name: 'device configuration: the display a display token shows, the network printer of a kiosk',
  sql: `
ALTER TABLE devices ADD COLUMN display_id INTEGER REFERENCES displays(id);
ALTER TABLE devices ADD COLUMN printer TEXT;
`,
};
