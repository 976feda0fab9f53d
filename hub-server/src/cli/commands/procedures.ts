import { PROCEDURE_COLUMNS, systemClock, type ProcedureImportColumns, type ProcedureImportResult } from '@luot/shared';
import { createReadStream } from 'node:fs';
import { openDatabase } from '../../db/open';
import { importProcedures } from '../../features/procedures/import-procedures';
import { createProcedureRepository } from '../../features/procedures/procedure-repository';
import { dbPath, parse, type Command } from '../cli-context';
import { columnLines, importErrors, importFileArg, rejectedLines, vn } from '../import-report';

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
    const { file, format } = await importFileArg(positionals, values.format);
    const db = openDatabase(dbPath(values.db));
    try {
      return await importErrors(
        values.json,
        (c) => columnsSummary(c as unknown as ProcedureImportColumns),
        async () => {
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
        },
      );
    } finally {
      db.close();
    }
  },
};
