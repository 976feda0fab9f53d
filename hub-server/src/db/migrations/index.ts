import { core } from './001-core';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. A migration, once released, is never edited: add the next one. */
export const MIGRATIONS: readonly Migration[] = [core];
