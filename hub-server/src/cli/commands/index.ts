import type { Command } from '../cli-context';
import { backup, restore } from './backup';
import { calendarSet, calendarShow } from './calendar';
import { dossiersImport, dossiersStats, dossiersStatus } from './dossiers';
import { displaySet } from './display';
import { officerAdd } from './officer';
import { printerSim, printTest } from './printer';
import { reportQueue } from './report';
import { say } from './say';
import { start } from './start';
import { tokenCreate, tokenList, tokenRevoke } from './token';

/** Every `luot` subcommand. A feature adds its commands here. */
export const COMMANDS: Command[] = [
  start,
  tokenCreate,
  tokenList,
  tokenRevoke,
  officerAdd,
  reportQueue,
  say,
  printerSim,
  printTest,
  displaySet,
  dossiersImport,
  dossiersStats,
  dossiersStatus,
  calendarSet,
  calendarShow,
  backup,
  restore,
];
