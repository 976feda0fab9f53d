import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DossierImportColumns } from '@luot/shared';
import { chunked, dossierFixture, importText, storedCount } from './support';

/*
 * Exports as a ward's one-stop software writes them, made by hand (fixtures/):
 * - mot-cua-phuong-dong-tam.csv: Excel's "CSV UTF-8" (BOM, CRLF), a title, the unit and a blank line
 *   above the heading row; STT, Tên thủ tục, Người nộp, Số điện thoại, Địa chỉ, Trạng thái, Ghi chú
 *   besides what the figures need; "Ngày nhận", "Hạn trả", "Ngày trả"; levels "Phường Đồng Tâm";
 *   channels "Qua mạng", "Dịch vụ công trực tuyến", "Tại quầy"…; times dd/MM/yyyy HH:mm.
 * - mot-cua-phuong-dong-tam.xlsx: two merged title rows and a blank one above the heading row,
 *   "Số hồ sơ", "Kênh tiếp nhận", "Thời hạn giải quyết (ngày)", "Ngày hoàn thành", date cells and
 *   text dates, "Thị trấn Yên Bình", "Cấp xã", "Qua bưu điện", "Trực tuyến toàn trình"; a second
 *   sheet that is not data.
 * "Today" is Friday 15/03/2024; no holidays.
 */
const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures', name));
const CSV = 'mot-cua-phuong-dong-tam.csv';
const XLSX = 'mot-cua-phuong-dong-tam.xlsx';
const MARCH = { from: '2024-03-01', to: '2024-03-15' };

describe('D17 D18: a one-stop export as it comes', () => {
  let fx: ReturnType<typeof dossierFixture>;
  beforeEach(() => {
    fx = dossierFixture();
  });
  afterEach(() => fx.close());

  it('D17 D18: the CSV fixture — title rows skipped, "Hạn trả"/"Ngày trả" read, "Phường", "Qua mạng" accepted, the figures right', async () => {
    const r = await fx.service.import(chunked(fixture(CSV), 300), { format: 'csv' });
    expect(r.accepted).toBe(6);
    expect(r.rejected).toEqual([]);
    expect(r.columns).toEqual({
      mapped: [
        { heading: 'Mã hồ sơ', column: 'code' },
        { heading: 'Lĩnh vực', column: 'field' },
        { heading: 'Cấp thực hiện', column: 'level' },
        { heading: 'Hình thức nộp', column: 'channel' },
        { heading: 'Ngày nhận', column: 'receivedAt' },
        { heading: 'Hạn trả', column: 'dueDate' },
        { heading: 'Ngày trả', column: 'resolvedAt' },
      ],
      skipped: ['STT', 'Tên thủ tục', 'Người nộp', 'Số điện thoại', 'Địa chỉ', 'Trạng thái', 'Ghi chú'],
      unknown: [],
    } satisfies DossierImportColumns);

    const march = fx.service.stats({ ...MARCH, groupBy: 'channel' });
    // The resolved dossiers are resolved: had "Ngày trả" been dropped, five would show overdue.
    expect(march.total).toEqual({
      received: 6,
      resolved: 4,
      resolvedEarly: 1,
      resolvedOnTime: 2,
      resolvedLate: 1,
      pending: 2,
      pendingOverdue: 1,
      onTimeRate: 0.75,
      carriedOver: 0,
    });
    expect(Object.fromEntries(Object.entries(march.groups).map(([k, g]) => [k, g.received]))).toEqual({
      counter: 2,
      online: 3,
      postal: 1,
    });
    expect(Object.keys(fx.service.stats({ ...MARCH, groupBy: 'level' }).groups)).toEqual(['commune']);
    expect(fx.service.status('000.00.12.H61-240312-0006')).toEqual({
      code: '000.00.12.H61-240312-0006',
      due: '2024-03-13',
      status: 'onTime',
    });
    // The wall's panel for this month says the same.
    expect(fx.service.panel().month.total).toMatchObject({ resolved: 4, pendingOverdue: 1 });
  });

  it('D17 D18: the XLSX fixture — headings of another system, date cells, "Thị trấn", "Qua bưu điện": the figures right', async () => {
    const r = await fx.service.import(chunked(fixture(XLSX), 1000), { format: 'xlsx' });
    expect(r).toMatchObject({ accepted: 5, updated: 0, rejected: [] });
    expect(r.columns).toEqual({
      mapped: [
        { heading: 'Số hồ sơ', column: 'code' },
        { heading: 'Lĩnh vực', column: 'field' },
        { heading: 'Cấp', column: 'level' },
        { heading: 'Kênh tiếp nhận', column: 'channel' },
        { heading: 'Ngày tiếp nhận', column: 'receivedAt' },
        { heading: 'Thời hạn giải quyết (ngày)', column: 'processingDays' },
        { heading: 'Ngày hoàn thành', column: 'resolvedAt' },
      ],
      skipped: ['STT', 'Tên thủ tục', 'Chủ hồ sơ', 'SĐT', 'Tình trạng'],
      unknown: [],
    });
    const march = fx.service.stats({ ...MARCH, groupBy: 'channel' });
    expect(march.total).toMatchObject({
      received: 5,
      resolved: 3,
      resolvedEarly: 1,
      resolvedOnTime: 1,
      resolvedLate: 1,
      pending: 2,
      pendingOverdue: 1,
    });
    expect(Object.fromEntries(Object.entries(march.groups).map(([k, g]) => [k, g.received]))).toEqual({
      counter: 1,
      online: 2,
      postal: 2,
    });
    expect(Object.keys(fx.service.stats({ ...MARCH, groupBy: 'level' }).groups)).toEqual(['commune']);
    expect(fx.service.status('H61.22-240306-0013')).toEqual({
      code: 'H61.22-240306-0013',
      due: '2024-03-13',
      status: 'overdue',
    });
  });

  it('D17: an unknown column is reported before anything is written, and the import refused unless told to ignore it', async () => {
    const file = [
      'Mã hồ sơ;Lĩnh vực;Cấp;Hình thức nộp;Ngày tiếp nhận;Hạn xử lý;Ngày hẹn lại;Ngày có kết quả',
      'U-1;Đất đai;Xã;Trực tiếp;01/03/2024 08:00;08/03/2024;20/03/2024;',
    ].join('\n');
    const refused = importText(fx.service, file, 'csv');
    await expect(refused).rejects.toMatchObject({
      code: 'IMPORT_UNKNOWN_COLUMNS',
      detail: 'cột không nhận ra: "Ngày hẹn lại"',
      columns: { unknown: ['Ngày hẹn lại'], skipped: [] },
    });
    expect(storedCount(fx.db)).toBe(0);

    const r = await fx.service.import(chunked(file), { format: 'csv', ignoreUnknownColumns: true });
    expect(r).toMatchObject({ accepted: 1, columns: { unknown: ['Ngày hẹn lại'] } });
    expect(r.columns?.mapped.map((m) => m.column)).toEqual([
      'code',
      'field',
      'level',
      'channel',
      'receivedAt',
      'dueDate',
      'resolvedAt',
    ]);
    expect(fx.service.status('U-1', '2024-03-15')).toMatchObject({ due: '2024-03-08', status: 'overdue' });
  });

  it('D17: headings match whatever their case, diacritics and punctuation; one column under two headings is refused', async () => {
    const row = 'C-1,Đất đai,xã,trực tiếp,01/03/2024 08:00,3,,';
    const loose = 'MÃ HỒ SƠ,linh vuc,Cấp:,Hinh thuc nop,NGÀY TIẾP NHẬN,so ngay xu ly,han giai quyet,Ngày trả KQ';
    expect((await importText(fx.service, `${loose}\n${row}\n`, 'csv')).columns?.unknown).toEqual([]);
    await expect(
      importText(fx.service, `Mã hồ sơ,Lĩnh vực,Cấp,Hình thức nộp,Ngày nhận,Hạn trả,Ngày hẹn trả\n${row}\n`, 'csv'),
    ).rejects.toMatchObject({
      code: 'IMPORT_COLUMNS',
      detail: 'cột trùng: Ngày hẹn trả (dueDate) — "Hạn trả", "Ngày hẹn trả"',
    });
  });

  it('D17: no heading row in the first ten rows says so, naming the row that came closest', async () => {
    const titles = Array.from({ length: 12 }, (_, i) => `Dòng tiêu đề ${i + 1},Mã hồ sơ`).join('\n');
    await expect(importText(fx.service, titles, 'csv')).rejects.toMatchObject({
      code: 'IMPORT_COLUMNS',
      detail: expect.stringMatching(
        /^không thấy dòng tiêu đề trong 10 dòng đầu; dòng 1: thiếu cột: Lĩnh vực/,
      ) as string,
    });
  });

  it('D17: an XLSX with a title row over a heading row with an unknown column is refused too, with what was understood', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(['BÁO CÁO HỒ SƠ']);
    ws.addRow(['Mã hồ sơ', 'Lĩnh vực', 'Cấp', 'Hình thức nộp', 'Ngày tiếp nhận', 'Số ngày xử lý', 'Mã vạch']);
    ws.addRow(['X-1', 'Đất đai', 'Phường 1', 'Qua mạng', '01/03/2024 08:00', 3]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(importText(fx.service, file, 'xlsx')).rejects.toMatchObject({
      code: 'IMPORT_UNKNOWN_COLUMNS',
      columns: { unknown: ['Mã vạch'] },
    });
    const r = await fx.service.import(chunked(file), { format: 'xlsx', ignoreUnknownColumns: true });
    expect(r).toMatchObject({ accepted: 1, rejected: [] });
  });
});
