import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi as texts } from '@luot/shared';
import type { ImportFormat } from '../../src/features/dossiers/import/import-dossiers';
import { chunked, CSV_HEADER, dossierFixture, importText, inOrder, storedCount } from './support';

const VI_HEADER = 'Mã hồ sơ,Lĩnh vực,Cấp,Hình thức nộp,Ngày tiếp nhận,Số ngày giải quyết,Ngày hẹn trả,Ngày trả kết quả';

/** A lazily made file of `total` bytes; `read` says how much the import actually pulled. */
function junk(total: number, fill: (chunk: Buffer, offset: number) => void) {
  const state = { read: 0 };
  // eslint-disable-next-line @typescript-eslint/require-await -- the import reads an async iterable; each chunk is made on demand, not awaited
  async function* gen(): AsyncGenerator<Uint8Array> {
    const size = 64 * 1024;
    for (let offset = 0; offset < total; offset += size) {
      const chunk = Buffer.alloc(Math.min(size, total - offset));
      fill(chunk, offset);
      state.read += chunk.length;
      yield chunk;
    }
  }
  return { state, stream: gen() };
}
const randomBytes = (chunk: Buffer, offset: number): void => {
  for (let i = 0; i < chunk.length; i++) chunk[i] = (Math.imul(offset + i, 2654435761) >>> 24) & 0xff;
};
const MB = 1024 * 1024;

async function workbook(rows: unknown[][], header: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hồ sơ');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('Ghi chú').addRow(['Bảng này không được đọc', 'x']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('dossier import', () => {
  let fx: ReturnType<typeof dossierFixture>;
  beforeEach(() => {
    fx = dossierFixture();
  });
  afterEach(() => fx.close());

  it('D9: JSON with its calendar; the calendar decides the due dates of the dossiers in it', async () => {
    const doc = {
      calendar: { holidays: ['2024-04-29', '2024-04-30', '2024-05-01'], workingWeekends: ['2024-05-04'] },
      dossiers: [
        {
          code: 'J-1',
          field: 'Đất đai',
          level: 'province',
          channel: 'postal',
          receivedAt: '2024-04-26T08:00:00+07:00',
          processingDays: 3,
        },
        {
          code: 'J-2',
          field: 'Đất đai',
          level: 'province',
          channel: 'postal',
          receivedAt: '2024-04-26T08:00:00+07:00',
          processingDays: -2,
        },
        'HS-3',
      ],
    };
    expect(await importText(fx.service, JSON.stringify(doc, null, 2), 'json')).toEqual({
      accepted: 1,
      updated: 0,
      rejected: [
        { row: 2, code: 'J-2', reason: texts.dossierRejects.processingDaysInvalid },
        { row: 3, code: null, reason: texts.dossierRejects.notAnObject },
      ],
    });
    expect(fx.service.status('J-1', '2024-05-04')).toEqual({
      code: 'J-1',
      due: '2024-05-04',
      status: 'withinDeadline',
    });
  });

  it('D9: CSV with the Vietnamese headers, ";" separators and a BOM: bad rows are listed with their line and code, the rows around them kept', async () => {
    const lines = [
      VI_HEADER.replaceAll(',', ';'),
      'C-1;Đất đai;Cấp xã;Trực tiếp;15/03/2024 08:30;5;;20/03/2024 16:00',
      ';Đất đai;xã;online;15/03/2024;5;;',
      '',
      'C-3;Đất đai;xã;online;15/03/2024;5;;14/03/2024 10:00',
      'C-4;Đất đai;quốc gia;online;15/03/2024;5;;',
      'C-5;Đất đai;xã;fax;15/03/2024;5;;',
      'C-6;Đất đai;xã;online;15/03/2024;;;',
      'C-7;Đất đai;xã;online;15/03/2024;5;14/03/2024;',
      'C-8;Đất đai;xã;online;15/03/2024;5;;;thừa một cột',
      'C-9;Kinh doanh;huyện;Bưu chính công ích;2024-03-15T08:30:00+07:00;;2024-03-22;',
      ';;;;;;;',
    ];
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'))]);
    const r = await fx.service.import(chunked(bom, 50), { format: 'csv' });
    const reason = texts.dossierRejects;
    expect(r).toEqual({
      accepted: 2,
      updated: 0,
      rejected: [
        { row: 3, code: null, reason: reason.codeMissing },
        { row: 5, code: 'C-3', reason: reason.resolvedBeforeReceived },
        { row: 6, code: 'C-4', reason: reason.levelUnknown },
        { row: 7, code: 'C-5', reason: reason.channelUnknown },
        { row: 8, code: 'C-6', reason: reason.deadlineMissing },
        { row: 9, code: 'C-7', reason: reason.dueBeforeReceived },
        { row: 10, code: 'C-8', reason: reason.columnCount },
      ],
      columns: inOrder(VI_HEADER.split(',')),
    });
    expect(fx.service.status('C-1', '2024-03-31')).toEqual({ code: 'C-1', due: '2024-03-22', status: 'early' });
    expect(fx.service.stats({ from: '2024-03-01', to: '2024-03-31', groupBy: 'channel' }).groups).toHaveProperty(
      'postal',
    );
  });

  it('D9: XLSX made by a spreadsheet: date cells read as Hà Nội wall-clock, rich text, numbers, only the first sheet', async () => {
    const at = (y: number, m: number, d: number, h = 0, mi = 0): Date => new Date(Date.UTC(y, m - 1, d, h, mi));
    const file = await workbook(
      [
        [
          'X-1',
          { richText: [{ text: 'Tư pháp – ' }, { text: 'Hộ tịch', font: { bold: true } }] },
          'Cấp huyện',
          'Trực tuyến',
          at(2024, 3, 15, 23, 30),
          2,
          null,
          at(2024, 3, 19, 7, 0),
        ],
        ['X-2', 'Đất đai', 'xã', 'counter', '15/03/2024 08:00', null, at(2024, 3, 20), null],
        ['X-3', 'Đất đai', 'xã', 'counter', 'không rõ', 2, null, null],
        [],
        ['X-5', 'Đất đai', 'xã', 'counter', at(2024, 3, 16, 0, 15), 0, null, null],
      ],
      VI_HEADER.split(','),
    );
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('luot-import-')).length;
    const r = await fx.service.import(chunked(file, 1000), { format: 'xlsx' });
    expect(r).toEqual({
      accepted: 3,
      updated: 0,
      rejected: [{ row: 4, code: 'X-3', reason: texts.dossierRejects.receivedAtInvalid }],
      columns: inOrder(VI_HEADER.split(',')),
    });
    // 23:30 on Friday 15/03 in Hà Nội: two working days after it is Tuesday 19/03, resolved that morning.
    expect(fx.service.status('X-1', '2024-03-19')).toEqual({ code: 'X-1', due: '2024-03-19', status: 'onTime' });
    expect(fx.service.status('X-2', '2024-03-21')).toEqual({ code: 'X-2', due: '2024-03-20', status: 'overdue' });
    expect(fx.service.status('X-5', '2024-03-18')).toEqual({
      code: 'X-5',
      due: '2024-03-18',
      status: 'withinDeadline',
    });
    expect(Object.keys(fx.service.stats({ from: '2024-03-01', to: '2024-03-31', groupBy: 'field' }).groups)).toEqual([
      'Tư pháp – Hộ tịch',
      'Đất đai',
    ]);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('luot-import-')).length).toBe(before);
  });

  describe('D12: a malformed file is refused with a clear error and nothing written', () => {
    beforeEach(async () => {
      await importText(
        fx.service,
        `${CSV_HEADER}\nOK-1,Đất đai,commune,counter,2024-03-01T08:00:00+07:00,5,,\n`,
        'csv',
      );
    });
    afterEach(async () => {
      expect(storedCount(fx.db)).toBe(1);
      // And the store still works after it.
      const r = await importText(
        fx.service,
        `${CSV_HEADER}\nOK-2,Đất đai,commune,counter,2024-03-01T08:00:00+07:00,5,,\n`,
        'csv',
      );
      expect(r.accepted).toBe(1);
    });

    const cases: [string, ImportFormat, string | Uint8Array, string, RegExp?][] = [
      ['an empty CSV', 'csv', '', 'IMPORT_EMPTY'],
      ['blank lines only', 'csv', '\n \r\n\t\n', 'IMPORT_EMPTY'],
      ['an empty JSON', 'json', '  ', 'IMPORT_EMPTY'],
      ['an empty XLSX', 'xlsx', '', 'IMPORT_EMPTY'],
      ['UTF-16 with its BOM', 'csv', Buffer.from(`\ufeff${CSV_HEADER}\n`, 'utf16le'), 'IMPORT_ENCODING'],
      ['UTF-16 without a BOM', 'json', Buffer.from('{"dossiers": []}', 'utf16le'), 'IMPORT_ENCODING'],
      [
        'Windows-1258 bytes',
        'csv',
        Buffer.from([0x4d, 0xe3, 0x20, 0x68, 0xf4, 0x20, 0x73, 0xf5, 0x0a]),
        'IMPORT_ENCODING',
      ],
      [
        'a CSV without the receipt column',
        'csv',
        'Mã hồ sơ,Lĩnh vực,Cấp,Hình thức nộp,Số ngày giải quyết\nA,B,xã,online,3\n',
        'IMPORT_COLUMNS',
        /Ngày tiếp nhận \(receivedAt\)/,
      ],
      [
        'a CSV without any deadline column',
        'csv',
        'code,field,level,channel,receivedAt\n',
        'IMPORT_COLUMNS',
        /processingDays/,
      ],
      ['a CSV naming a column twice', 'csv', `${CSV_HEADER},Mã hồ sơ\n`, 'IMPORT_COLUMNS', /cột trùng: Mã hồ sơ/],
      [
        'an unclosed quote',
        'csv',
        `${CSV_HEADER}\n"OK-9,Đất đai,commune,counter,2024-03-01T08:00:00+07:00,5,,\n`,
        'IMPORT_INVALID',
      ],
      ['JSON that is not', 'json', 'code,field\n', 'IMPORT_INVALID'],
      [
        'a truncated JSON',
        'json',
        '{"dossiers": [{"code": "OK-9", "field": "Đất đai", "level": "commune"',
        'IMPORT_INVALID',
        /cắt cụt/,
      ],
      ['a broken JSON element', 'json', '{"dossiers": [{"code": OK-9}]}', 'IMPORT_INVALID', /phần tử thứ 1/],
      [
        'a JSON calendar that is not one',
        'json',
        '{"calendar": {"holidays": ["30/04/2024"]}, "dossiers": []}',
        'CALENDAR_INVALID',
      ],
      ['an XLSX that is not a workbook', 'xlsx', 'PK\u0003\u0004 not really a zip', 'IMPORT_INVALID'],
    ];
    for (const [name, format, data, code, detail] of cases) {
      it(`${name} → ${code}`, async () => {
        const p = importText(fx.service, data, format);
        await expect(p).rejects.toMatchObject({ code });
        if (detail) await expect(p).rejects.toMatchObject({ detail: expect.stringMatching(detail) as string });
      });
    }

    it('an XLSX whose sheet misses columns → IMPORT_COLUMNS; an empty sheet → IMPORT_EMPTY', async () => {
      await expect(
        importText(fx.service, await workbook([['A', 'B']], ['Mã hồ sơ', 'Lĩnh vực']), 'xlsx'),
      ).rejects.toMatchObject({
        code: 'IMPORT_COLUMNS',
      });
      await expect(importText(fx.service, await workbook([], []), 'xlsx')).rejects.toMatchObject({
        code: 'IMPORT_EMPTY',
      });
    });

    it('a workbook cut short or corrupted → IMPORT_INVALID', async () => {
      const rows = Array.from({ length: 3000 }, (_, i) => [
        `T-${i}`,
        `Đất đai ${i}`,
        'xã',
        'online',
        '15/03/2024 08:00',
        3,
      ]);
      const file = await workbook(rows, VI_HEADER.split(',').slice(0, 6));
      const corrupt = Buffer.from(file).map((b, i) => (i > 200 && i % 97 === 0 ? b ^ 0x5a : b));
      for (const bad of [file.subarray(0, file.length / 2), file.subarray(0, Math.floor(file.length * 0.9)), corrupt]) {
        await expect(importText(fx.service, bad, 'xlsx')).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
      }
    });

    it('100 MB of random bytes, as CSV or JSON, is stopped at its first chunk', async () => {
      for (const format of ['csv', 'json'] as const) {
        const j = junk(100 * MB, randomBytes);
        await expect(fx.service.import(j.stream, { format })).rejects.toMatchObject({ code: 'IMPORT_ENCODING' });
        expect(j.state.read).toBeLessThan(MB);
      }
    });

    it('100 MB of random bytes as XLSX is refused as not a workbook', async () => {
      const j = junk(100 * MB, randomBytes);
      await expect(fx.service.import(j.stream, { format: 'xlsx' })).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    });

    it('100 MB of text without a line break is refused as soon as a line is longer than any dossier', async () => {
      const j = junk(100 * MB, (c) => c.fill(0x41));
      await expect(fx.service.import(j.stream, { format: 'csv' })).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
      expect(j.state.read).toBeLessThan(MB);
    });

    it('100 MB of junk lines under a good header stops after too many bad rows, keeping none', async () => {
      const header = Buffer.from(`${CSV_HEADER}\n`);
      const j = junk(100 * MB, (c, offset) => {
        c.fill('xx,yy,zz,ww,vv,uu,tt,ss\n');
        if (offset === 0) header.copy(c);
      });
      await expect(fx.service.import(j.stream, { format: 'csv' })).rejects.toMatchObject({
        code: 'IMPORT_TOO_MANY_REJECTED',
      });
      expect(j.state.read).toBeLessThan(2 * MB);
    });

    it('more bytes than allowed → PAYLOAD_TOO_LARGE', async () => {
      const good = `${CSV_HEADER}\n${'OK-3,Đất đai,commune,counter,2024-03-01T08:00:00+07:00,5,,\n'.repeat(2000)}`;
      await expect(fx.service.import(chunked(good), { format: 'csv', maxBytes: 10_000 })).rejects.toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
      });
    });
  });
});
