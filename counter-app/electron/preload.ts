/**
 * The counter page's window onto its shell. The counter needs nothing from the machine, so its
 * bridge is empty: the page runs exactly as in a browser, isolated from Node.
 */
import { contextBridge } from 'electron';

const bridge = {} satisfies Record<string, never>;

contextBridge.exposeInMainWorld('luotShell', bridge);
