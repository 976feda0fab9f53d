#!/usr/bin/env node
// The `luot` command runs the built hub in this very process (`npm run build` makes it), so the
// process an operator or a service manager sees and signals is the hub itself.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/luot.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error('Lượt chưa được build: hãy chạy "npm run build" ở thư mục gốc trước. (Run "npm run build" first.)');
  process.exit(1);
}
await import(bundle.href);
