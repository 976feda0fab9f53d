// The hub as operators run it: one JavaScript file, run by node itself, so the process an
// operator or a service manager sees is the hub (no TypeScript loader in production).
// Our workspace packages are bundled in; every other package stays in node_modules (native
// addons, WebAssembly and fonts are loaded from there).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const deps = (pkg) =>
  Object.keys(JSON.parse(readFileSync(new URL(`../../${pkg}/package.json`, import.meta.url))).dependencies ?? {});
const external = [...new Set(['hub-server', 'hardware', 'shared'].flatMap(deps))].filter(
  (d) => !d.startsWith('@luot/'),
);

mkdirSync(`${root}dist`, { recursive: true });
await build({
  entryPoints: [`${root}src/cli/main.ts`],
  outfile: `${root}dist/luot.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
  // Some bundled CommonJS expects require(); an ESM bundle has none of its own.
  banner: {
    js: "import { createRequire as __luotRequire } from 'node:module'; const require = __luotRequire(import.meta.url);",
  },
});
// The speech worker runs in its own thread from its own file, beside the bundle.
copyFileSync(`${root}src/features/speech/espeak-worker.mjs`, `${root}dist/espeak-worker.mjs`);
