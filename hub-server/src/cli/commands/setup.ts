import { SetupInvalidError, systemClock, vi } from '@luot/shared';
import { readFile, stat } from 'node:fs/promises';
import { recordChange } from '../../db/change-log';
import { openDatabase } from '../../db/open';
import { COMMAND_LINE } from '../../features/audit/audit-log';
import { createCentreRepository } from '../../features/centre/centre-repository';
import { createOfficerRepository } from '../../features/officers/officer-repository';
import { createSetupStore } from '../../features/setup/setup-store';
import { dbPath, parse, UsageError, type Command } from '../cli-context';

/** A setup with a logo is a few hundred KB; more is not a setup. */
const MAX_SETUP_FILE = 5 * 1024 * 1024;

/** C8: prints the centre's setup as one document (JSON), never a PIN or a token. */
export const setupExport: Command = {
  path: ['setup', 'export'],
  summary: 'luot setup export [--db PATH]   in thiết lập của trung tâm (JSON) ra màn hình',
  run(argv) {
    const { values } = parse(argv, { db: { type: 'string' } });
    const db = openDatabase(dbPath(values.db));
    try {
      const store = createSetupStore(db, {
        centre: createCentreRepository(db),
        officers: createOfficerRepository(db),
        clock: systemClock,
      });
      console.log(JSON.stringify(store.read(), null, 2));
      return 0;
    } finally {
      db.close();
    }
  },
};

/**
 * C2, C8: applies a setup document the way the admin console does (one code path): only what
 * differs changes, each change in the audit log as "luot"; a bad file changes nothing and every
 * wrong field is printed (exit 2). A running hub tells its screens within about a second (H2).
 */
export const setupApply: Command = {
  path: ['setup', 'apply'],
  summary: 'luot setup apply TỆP.json [--dry-run] [--db PATH]   áp dụng thiết lập (chỉ thay đổi phần khác biệt)',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      db: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    });
    const file = positionals[0];
    if (positionals.length !== 1 || !file) throw new UsageError('Cần đúng một tệp thiết lập (JSON).');
    const size = await stat(file).then(
      (s) => (s.isFile() ? s.size : null),
      () => null,
    );
    if (size === null) throw new UsageError(`Không mở được tệp "${file}".`);
    if (size > MAX_SETUP_FILE) throw new UsageError(`Tệp thiết lập "${file}" quá lớn (tối đa 5 MB).`);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      throw new UsageError(`Tệp thiết lập "${file}" không phải JSON hợp lệ.`);
    }
    const dryRun = values['dry-run'] === true;
    const db = openDatabase(dbPath(values.db));
    try {
      const store = createSetupStore(db, {
        centre: createCentreRepository(db),
        officers: createOfficerRepository(db),
        clock: systemClock,
      });
      let result;
      try {
        result = store.apply(raw, COMMAND_LINE, { dryRun });
      } catch (e) {
        if (!(e instanceof SetupInvalidError)) throw e;
        console.error(`Lỗi: ${vi.errors.SETUP_INVALID}`);
        for (const p of e.problems) console.error(`  ${p.path}: ${p.message}`);
        return 2;
      }
      if (result.changes.length === 0) {
        console.log(vi.setup.noChanges);
        return 0;
      }
      if (!dryRun) {
        // H2: a running hub tells every screen; the walls get their new configuration.
        recordChange(db, 'centre');
        for (const c of result.changes) if (c.kind === 'display') recordChange(db, 'displays', c.key);
        if (result.signedOut.length > 0) recordChange(db, 'officers');
      }
      console.log(dryRun ? 'Sẽ thay đổi (chưa lưu, --dry-run):' : 'Đã thay đổi:');
      for (const c of result.changes) console.log(`  ${c.text}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
