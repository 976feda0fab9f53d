import {
  DomainError,
  PROCEDURE_COLUMNS,
  systemClock,
  vi,
  type ProcedureImportColumns,
  type ProcedureImportResult,
} from '@luot/shared';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { openDatabase } from '../../db/open';
import { ImportColumnsError } from '../../features/dossiers/import/columns';
import { formatOfFileName, IMPORT_FORMATS, type ImportFormat } from '../../features/dossiers/import/import-dossiers';
import { importProcedures } from '../../features/procedures/import-procedures';
import { createProcedureRepository } from '../../features/procedures/procedure-repository';
import { dbPath, parse, UsageError, type Command } from '../cli-context';
import { columnLines, rejectedLines, vn } from '../import-report';

const SHOWN = 20;

const columnsSummary = (c: ProcedureImportColumns): string[] => columnLines(c, PROCEDURE_COLUMNS, 'không hiển thị');

function summary(r: ProcedureImportResult): string {
  const lines = [
    r.preview
      ? `Xem trước (chưa ghi gì): ${vn(r.accepted)} thủ tục mới, ${vn(r.updated)} thủ tục cập nhật, ${vn(r.rejected.length)} dòng lỗi.`
      : `Đã nhập ${vn(r.accepted)} thủ tục mới, cập nhật ${vn(r.updated)} thủ tục, ${vn(r.rejected.length)} dòng lỗi.`,
  ];
  if (r.columns) lines.push(...columnsSummary(r.columns));
  if (r.withoutService.length > 0) {
    lines.push(
      `  Chưa có dịch vụ tiếp nhận (kiosk không lấy số được): ${r.withoutService.slice(0, SHOWN).join(', ')}${r.withoutService.length > SHOWN ? ', …' : ''}`,
    );
  }
  lines.push(...rejectedLines(r.rejected));
  return lines.join('\n');
}

/** R4: `luot procedures import FILE` — the catalogue from the procedure database's export. */
export const proceduresImport: Command = {
  path: ['procedures', 'import'],
  summary:
    'luot procedures import TỆP [--format json|csv|xlsx] [--preview] [--ignore-unknown-columns] [--db PATH] [--json]   nhập danh mục thủ tục hành chính',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      preview: { type: 'boolean', default: false },
      'ignore-unknown-columns': { type: 'boolean', default: false },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const file = positionals[0];
    if (positionals.length !== 1 || !file) throw new UsageError('Cần đúng một tệp để nhập.');
    const format = (values.format ?? formatOfFileName(file)) as ImportFormat | null;
    if (!format || !IMPORT_FORMATS.includes(format)) {
      throw new UsageError(`Không nhận ra định dạng của "${file}": dùng đuôi .json, .csv, .xlsx hoặc --format.`);
    }
    const isFile = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) throw new UsageError(`Không mở được tệp "${file}".`);
    const db = openDatabase(dbPath(values.db));
    try {
      const result = await importProcedures(
        createProcedureRepository(db),
        createReadStream(file, { highWaterMark: 1 << 20 }),
        {
          format,
          preview: values.preview,
          ignoreUnknownColumns: values['ignore-unknown-columns'],
          now: systemClock.now(),
        },
      );
      // A running hub reads the new catalogue at its next request (R4): nothing to tell it.
      console.log(values.json ? JSON.stringify(result) : summary(result));
      return 0;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const columns = e instanceof ImportColumnsError ? (e.columns as unknown as ProcedureImportColumns) : null;
      if (!values.json) {
        if (columns) console.log(columnsSummary(columns).join('\n'));
        throw e;
      }
      console.log(
        JSON.stringify({
          code: e.code,
          message: vi.errors[e.code],
          detail: e.detail ?? null,
          ...(columns ? { columns } : {}),
        }),
      );
      return 1;
    } finally {
      db.close();
    }
  },
};
