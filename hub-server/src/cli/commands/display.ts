import { DisplayConfigureInput, fillMessage, systemClock, vi, type DisplayConfig } from '@luot/shared';
import { recordChange } from '../../db/change-log';
import { openDatabase } from '../../db/open';
import { COMMAND_LINE, createAuditLog } from '../../features/audit/audit-log';
import { createCentreRepository } from '../../features/centre/centre-repository';
import { createDisplayConfigs } from '../../features/display/display-configs';
import { dbPath, intFlag, parse, UsageError, type Command } from '../cli-context';

const ORIENTATION_VI: Record<DisplayConfig['orientation'], string> = {
  auto: 'tự động theo màn hình',
  landscape: 'ngang',
  portrait: 'dọc',
};

/** `1,2,3` → [1, 2, 3]; `all` → [] (every counter). */
function counterList(flag: string): number[] {
  if (flag === 'all') return [];
  if (!/^\d{1,3}(,\d{1,3})*$/.test(flag)) {
    throw new UsageError(
      `--counters cần các số quầy cách nhau bởi dấu phẩy, ví dụ 1,2,3, hoặc "all" (nhận được "${flag}").`,
    );
  }
  return flag.split(',').map(Number);
}

function describeDisplay(id: number, name: string, c: DisplayConfig): string {
  return [
    `Màn hình ${id} (${name})`,
    `  Quầy hiển thị: ${c.counters.length === 0 ? 'tất cả' : c.counters.join(', ')}`,
    `  Hướng màn hình: ${ORIENTATION_VI[c.orientation]}`,
    `  Dòng thông báo: ${c.notice === '' ? '(mặc định)' : c.notice}`,
  ].join('\n');
}

/**
 * W6: changes one wall's configuration in the database. A running hub pushes it to the wall
 * within seconds (H2, the change log); without flags it only shows the configuration.
 */
export const displaySet: Command = {
  path: ['display', 'set'],
  summary:
    'luot display set ID [--counters 1,2,3|all] [--orientation landscape|portrait|auto] [--notice TEXT] [--json] [--db PATH]   cấu hình màn hình sảnh',
  run(argv) {
    const { values, positionals } = parse(argv, {
      counters: { type: 'string' },
      orientation: { type: 'string' },
      notice: { type: 'string' },
      json: { type: 'boolean', default: false },
      db: { type: 'string' },
    });
    if (positionals.length !== 1)
      throw new UsageError('Cần đúng một mã màn hình, ví dụ: luot display set 1 --notice "…".');
    const displayId = intFlag(positionals[0], 'ID', 0);
    const input = DisplayConfigureInput.safeParse({
      displayId,
      counters: values.counters === undefined ? undefined : counterList(values.counters),
      orientation: values.orientation,
      notice: values.notice,
    });
    if (!input.success) {
      const field = String(input.error.issues[0]?.path[0] ?? '');
      throw new UsageError(
        {
          displayId: 'Mã màn hình phải là số nguyên dương.',
          counters: '--counters: mỗi số quầy từ 1 đến 999, không trùng nhau, tối đa 100 quầy.',
          orientation: '--orientation phải là landscape (ngang), portrait (dọc) hoặc auto (tự động).',
          notice: '--notice: một dòng, tối đa 500 ký tự.',
        }[field] ?? 'Tham số không hợp lệ.',
      );
    }
    const db = openDatabase(dbPath(values.db));
    try {
      const configs = createDisplayConfigs(db, createCentreRepository(db));
      const display = configs.get(displayId);
      if (!display) throw new UsageError(`Không có màn hình mã ${displayId}.`);
      const changes = values.counters !== undefined || values.orientation !== undefined || values.notice !== undefined;
      const config = changes ? configs.configure(input.data).config : display.config;
      if (JSON.stringify(config) !== JSON.stringify(display.config)) {
        recordChange(db, 'displays', displayId);
        // C8: in the audit log as the command line's change.
        createAuditLog(db, systemClock).record(
          COMMAND_LINE,
          'display.changed',
          fillMessage(vi.setup.changes.displayChanged, { name: display.name, what: 'cấu hình' }),
        );
      }
      console.log(
        values.json ? JSON.stringify({ displayId, config }) : describeDisplay(displayId, display.name, config),
      );
      return 0;
    } finally {
      db.close();
    }
  },
};
