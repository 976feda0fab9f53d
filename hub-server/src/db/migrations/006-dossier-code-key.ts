import type { Migration } from './migration';

/**
 * D19: a dossier is looked up by its code's key (dossierCodeKey in shared/src/model/dossier.ts):
 * without spaces or dashes, ASCII letters in lower case. The key of the dossiers already stored is
 * computed here in SQL (lower() folds ASCII letters only, as dossierCodeKey does); new ones are
 * written with their key by the import.
 */
export const dossierCodeKey: Migration = {
  version: 6,
  name: 'dossier code key for look-ups that ignore case, spaces and dashes (SPEC D19)',
  sql: `
ALTER TABLE dossiers ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
UPDATE dossiers SET code_key = lower(
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    code, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), '-', ''),
    char(8208), ''), char(8209), ''), char(8210), ''), char(8211), ''), char(8212), ''), char(8213), ''),
    char(8722), ''));
CREATE INDEX dossiers_by_code_key ON dossiers (code_key);
`,
};
