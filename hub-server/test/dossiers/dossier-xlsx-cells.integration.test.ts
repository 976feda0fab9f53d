import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi as texts } from '@luot/shared';
import { chunked, dossierFixture } from './support';

const VI_HEADER = 'Mã hồ sơ,Lĩnh vực,Cấp,Hình thức nộp,Ngày tiếp nhận,Số ngày giải quyết,Ngày hẹn trả,Ngày trả kết quả';

/** A wall-clock time in Hà Nội as a spreadsheet date holds it (its UTC fields). */
const at = (y: number, m: number, d: number, h = 0, mi = 0): Date => new Date(Date.UTC(y, m - 1, d, h, mi));

describe('dossier import: XLSX cells that are not plain values', () => {
  let fx: ReturnType<typeof dossierFixture>;
  beforeEach(() => {
    fx = dossierFixture();
  });
  afterEach(() => fx.close());

  it('D9: hyperlinks and rich text read as their text, formulas as their result (a date when the cell has a date format), errors as empty', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(VI_HEADER.split(','));
    ws.addRow([
      { text: 'H-1', hyperlink: 'https://dichvucong.example/ho-so/H-1' },
      { richText: [{ text: 'Đất ', font: { bold: true } }, { text: 'đai' }] },
      'xã',
      'counter',
      at(2024, 3, 11, 8, 0),
      { formula: '1+1', result: 2 },
      null,
      { formula: 'E2+1.04166', result: at(2024, 3, 12, 9, 0) },
    ]);
    ws.addRow([
      {
        text: { richText: [{ text: 'F-' }, { text: '2', font: { italic: true } }] },
        hyperlink: 'https://dichvucong.example/ho-so/F-2',
      },
      { formula: '"Tư "&"pháp"', result: 'Tư pháp' },
      'xã',
      'online',
      at(2024, 3, 11, 8, 0),
      null,
      { formula: 'WORKDAY(E3,3)', result: at(2024, 3, 14) },
      { error: '#N/A' },
    ]);
    ws.addRow([
      'E-3',
      'Đất đai',
      'xã',
      'counter',
      at(2024, 3, 11, 8, 0),
      null,
      { formula: '1/0', result: { error: '#DIV/0!' } },
      null,
    ]);
    ws.getCell('E2').numFmt = 'dd/mm/yyyy hh:mm';
    ws.getCell('H2').numFmt = 'dd/mm/yyyy hh:mm';
    ws.getCell('G3').numFmt = 'dd/mm/yyyy';
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const r = await fx.service.import(chunked(file, 1000), { format: 'xlsx' });
    expect(r).toMatchObject({
      accepted: 2,
      updated: 0,
      rejected: [{ row: 4, code: 'E-3', reason: texts.dossierRejects.deadlineMissing }],
    });
    // Received Monday 11/03 08:00, two working days (the formula's 2): due Wednesday 13/03;
    // resolved Tuesday 12/03 09:00 (a formula with a date format), early.
    expect(fx.service.status('H-1', '2024-03-15')).toEqual({ code: 'H-1', due: '2024-03-13', status: 'early' });
    // Due date from a formula (14/03), and #N/A where the resolution would be: not resolved, overdue.
    expect(fx.service.status('F-2', '2024-03-15')).toEqual({ code: 'F-2', due: '2024-03-14', status: 'overdue' });
    expect(
      Object.keys(fx.service.stats({ from: '2024-03-01', to: '2024-03-31', groupBy: 'field' }).groups).sort(),
    ).toEqual(['Tư pháp', 'Đất đai']);
  });
});
