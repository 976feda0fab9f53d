import type { Command } from '../cli-context';
import { start } from './start';
import { tokenCreate } from './token';

/** Every `luot` subcommand. A feature adds its commands here. */
export const COMMANDS: Command[] = [start, tokenCreate];
