import type { Migration } from './migration';
import { core } from './001-core';
import { dossiers } from './002-dossiers';
import { deviceConfig } from './003-device-config';
import { changeLog } from './004-change-log';
import { deviceLastSeen } from './005-device-last-seen';
import { dossierCodeKey } from './006-dossier-code-key';
import { serviceSchedule } from './007-service-schedule';
import { admin } from './008-admin';
import { procedures } from './009-procedures';
import { ratings } from './010-ratings';

export type { Migration } from './migration';

/** Every schema change, in order. A migration, once released, is never edited: add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  core,
  dossiers,
  deviceConfig,
  changeLog,
  deviceLastSeen,
  dossierCodeKey,
  serviceSchedule,
  admin,
  procedures,
  ratings,
];
