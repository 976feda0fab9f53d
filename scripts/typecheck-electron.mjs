// Type-checks the Electron shells when Electron's package (and so its types) is installed.
// Electron's binary cannot be downloaded everywhere: `npm ci` then drops the optional package,
// and this check says so instead of failing. CI installs it with ELECTRON_SKIP_BINARY_DOWNLOAD=1.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('electron/electron.d.ts');
} catch {
  console.log('Bỏ qua kiểm tra kiểu vỏ Electron: gói electron chưa được cài (ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci).');
  process.exit(0);
}
const tsc = require.resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.electron.json'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
