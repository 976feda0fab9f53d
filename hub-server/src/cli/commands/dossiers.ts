import {
  DOSSIER_GROUP_BY,
  DOSSIER_COLUMNS,
  isIsoDate,
  systemClock,
  vi,
  type DossierFigures,
  type DossierGroupBy,
  type DossierImportColumns,
  type DossierImportResult,
} from '@luot/shared';
import { createReadStream } from 'node:fs';
import { recordChange } from '../../db/change-log';
import { openDatabase } from '../../db/open';
import { createDossierService, type DossierService } from '../../features/dossiers/dossier-service';
import { progressReporter } from '../../features/dossiers/import/progress-line';
import { dbPath, parse, UsageError, type Command } from '../cli-context';
import { columnLines, importErrors, importFileArg, rejectedLines, vn } from '../import-report';

const viDate = (d: string): string => d.split('-').reverse().join('/');

async function withService<T>(
  db: string | undefined,
  run: (s: DossierService, changed: () => void) => Promise<T> | T,
): Promise<T> {
  const handle = openDatabase(dbPath(db));
  try {
    return await run(createDossierService(handle, systemClock), () => recordChange(handle, 'dossiers'));
  } finally {
    handle.close();
  }
}

/** A refused command's error, with the heading row's reading for an import (D17). */
const jsonErrors = (json: boolean, run: () => Promise<number>): Promise<number> =>
  importErrors(json, columnsSummary, run);

export const dossiersImport: Command = {
  path: ['dossiers', 'import'],
  summary:
    'luot dossiers import TỆP [--format json|csv|xlsx] [--ignore-unknown-columns] [--db PATH] [--json]   nhập hồ sơ từ JSON, CSV, XLSX',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      'ignore-unknown-columns': { type: 'boolean', default: false },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const { file, format, size } = await importFileArg(positionals, values.format);
    return jsonErrors(values.json, () =>
      withService(values.db, async (service, changed) => {
        const progress = progressReporter(process.stderr, size);
        let result: DossierImportResult;
        try {
          result = await service.import(createReadStream(file, { highWaterMark: 1 << 20 }), {
            format,
            ignoreUnknownColumns: values['ignore-unknown-columns'],
            onProgress: (p) => progress.update(p),
          });
        } finally {
          progress.done();
        }
        // A running hub pushes the new figures to its walls (H2).
        if (result.accepted + result.updated > 0) changed();
        console.log(values.json ? JSON.stringify(result) : importSummary(result));
        return 0;
      }),
    );
  },
};

/**
 * D17: how the heading row was read, for the person who exported the file: each heading and the
 * meaning it was given, the columns skipped, the unknown ones, and a word when no column gives the
 * resolution time (every dossier then counts as not yet resolved).
 */
function columnsSummary(c: DossierImportColumns): string[] {
  const lines = columnLines(c, DOSSIER_COLUMNS, 'số liệu không cần');
  if (!c.mapped.some((m) => m.column === 'resolvedAt')) {
    lines.push(`  Lưu ý: tệp không có cột ${DOSSIER_COLUMNS.resolvedAt}: mọi hồ sơ được coi là chưa giải quyết.`);
  }
  return lines;
}

function importSummary(r: DossierImportResult): string {
  const lines = [
    `Đã nhập ${vn(r.accepted)} hồ sơ mới, cập nhật ${vn(r.updated)} hồ sơ, ${vn(r.rejected.length)} dòng lỗi.`,
  ];
  if (r.columns) lines.push(...columnsSummary(r.columns));
  lines.push(...rejectedLines(r.rejected));
  return lines.join('\n');
}

export const dossiersStats: Command = {
  path: ['dossiers', 'stats'],
  summary:
    'luot dossiers stats --from YYYY-MM-DD --to YYYY-MM-DD [--group-by level|field|channel] [--db PATH] [--json]   số liệu hồ sơ',
  async run(argv) {
    const { values } = parse(argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      'group-by': { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const groupBy = values['group-by'];
    if (groupBy !== undefined && !(DOSSIER_GROUP_BY as readonly string[]).includes(groupBy)) {
      throw new UsageError(`--group-by phải là một trong: ${DOSSIER_GROUP_BY.join(', ')}.`);
    }
    if (!values.from || !values.to) throw new UsageError('Cần --from và --to (YYYY-MM-DD).');
    const query = { from: values.from, to: values.to, groupBy: groupBy as DossierGroupBy | undefined };
    return jsonErrors(values.json, () =>
      withService(values.db, (service) => {
        const s = service.stats(query);
        if (values.json) {
          console.log(JSON.stringify(s));
          return 0;
        }
        const lines = [`Hồ sơ từ ${viDate(s.from)} đến ${viDate(s.to)}`, `  Tổng cộng: ${figuresText(s.total)}`];
        for (const [key, g] of Object.entries(s.groups)) lines.push(`  ${key}: ${figuresText(g)}`);
        console.log(lines.join('\n'));
        return 0;
      }),
    );
  },
};

function figuresText(f: DossierFigures): string {
  const rate =
    f.onTimeRate === null ? '—' : `${(f.onTimeRate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
  return (
    `tiếp nhận ${vn(f.received)}; đã giải quyết ${vn(f.resolved)} (trước hạn ${vn(f.resolvedEarly)}, ` +
    `đúng hạn ${vn(f.resolvedOnTime)}, quá hạn ${vn(f.resolvedLate)}); đang giải quyết ${vn(f.pending)}, ` +
    `trong đó quá hạn ${vn(f.pendingOverdue)}; tỉ lệ đúng hạn ${rate}; kỳ trước chuyển qua ${vn(f.carriedOver)}`
  );
}

export const dossiersStatus: Command = {
  path: ['dossiers', 'status'],
  summary: 'luot dossiers status MÃ_HỒ_SƠ [--as-of YYYY-MM-DD] [--db PATH] [--json]   tình trạng một hồ sơ',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      'as-of': { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const code = positionals[0];
    if (positionals.length !== 1 || !code) throw new UsageError('Cần đúng một mã hồ sơ.');
    const asOf = values['as-of'];
    if (asOf !== undefined && !isIsoDate(asOf))
      throw new UsageError(`--as-of phải là ngày YYYY-MM-DD (nhận được "${asOf}").`);
    return jsonErrors(values.json, () =>
      withService(values.db, (service) => {
        const s = service.status(code, asOf);
        console.log(
          values.json
            ? JSON.stringify(s)
            : `Hồ sơ ${s.code}: hạn trả ${viDate(s.due)}, ${vi.dossierStatuses[s.status].toLowerCase()}`,
        );
        return 0;
      }),
    );
  },
};
