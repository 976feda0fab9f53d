import type { Command } from '../cli-context';
import { officerAdd } from './officer';
import { reportQueue } from './report';
import { start } from './start';
import { tokenCreate } from './token';

/** Every `luot` subcommand. A feature adds its commands here. */
export const COMMANDS: Command[] = [start, tokenCreate, officerAdd, reportQueue];
