/**
 * `npm run bench`: runs every benchmark and prints one JSON object on the last line.
 * Each benchmark measures its figure next to a floor measured in the same run.
 */
import { cpus } from 'node:os';

type Bench = () => Record<string, unknown> | Promise<Record<string, unknown>>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  queue: () => import('./queue').then((m) => m.run),
  printer: () => import('./printer').then((m) => m.run),
  dossiers: () => import('./dossiers').then((m) => m.run),
  display: () => import('./display').then((m) => m.run),
  speech: () => import('./speech').then((m) => m.run),
  hardening: () => import('./hardening').then((m) => m.run),
  procedures: () => import('./procedures').then((m) => m.run),
};

const results: Record<string, unknown> = { machine: { node: process.version, cpus: cpus().length } };
for (const [name, load] of Object.entries(BENCHES)) {
  process.stderr.write(`bench: ${name}…\n`);
  results[name] = await (await load())();
}
console.log(JSON.stringify(results));
