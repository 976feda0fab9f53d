import type { Command } from '../cli-context';
import { adminPassword } from './admin';
import { backup, restore } from './backup';
import { calendarSet, calendarShow } from './calendar';
import { dossierSourceRemove, dossierSourceSet, dossierSourceShow } from './dossier-source';
import { dossiersImport, dossiersStats, dossiersStatus } from './dossiers';
import { displaySet } from './display';
import { officerAdd, officerDisable, officerEnable, officerResetPin } from './officer';
import { printerSim, printTest } from './printer';
import { proceduresImport } from './procedures';
import { reportQueue } from './report';
import { say } from './say';
import { setupApply, setupExport } from './setup';
import { start } from './start';
import { tokenCreate, tokenList, tokenRevoke } from './token';

/** Every `luot` subcommand. A feature adds its commands here. */
export const COMMANDS: Command[] = [
  start,
  tokenCreate,
  tokenList,
  tokenRevoke,
  officerAdd,
  officerDisable,
  officerEnable,
  officerResetPin,
  setupExport,
  setupApply,
  adminPassword,
  reportQueue,
  say,
  printerSim,
  printTest,
  displaySet,
  dossiersImport,
  dossiersStats,
  dossiersStatus,
  dossierSourceSet,
  dossierSourceShow,
  dossierSourceRemove,
  proceduresImport,
  calendarSet,
  calendarShow,
  backup,
  restore,
];
