import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi as texts, type DossierStats } from '@luot/shared';
import { UsageError } from '../../src/cli/cli-context';
import { calendarSet, calendarShow } from '../../src/cli/commands/calendar';
import { dossiersImport, dossiersStats, dossiersStatus } from '../../src/cli/commands/dossiers';
import { CSV_HEADER, inOrder } from './support';
import { runCommand as luot } from '../support/cli';

const run = promisify(execFile);

describe('luot dossiers / luot calendar', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'luot-cli-'));
    db = join(dir, 'luot.db');
    writeFileSync(
      join(dir, 'hs.csv'),
      [
        CSV_HEADER,
        'A-1,Đất đai,commune,counter,2024-04-26T08:00:00+07:00,3,,2024-05-03T10:00:00+07:00',
        'A-2,Kinh doanh,district,online,2024-04-26T08:00:00+07:00,,2024-05-02,',
        'A-3,Kinh doanh,district,online,2024-04-26T08:00:00+07:00,-1,,',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'lich.json'),
      JSON.stringify({ holidays: ['2024-04-29', '2024-04-30', '2024-05-01'], workingWeekends: ['2024-05-04'] }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('D17: import --json prints {accepted, updated, rejected, columns} and nothing else on stdout', async () => {
    const r = await luot(dossiersImport, [join(dir, 'hs.csv'), '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      accepted: 2,
      updated: 0,
      rejected: [{ row: 4, code: 'A-3', reason: texts.dossierRejects.processingDaysInvalid }],
      columns: inOrder(CSV_HEADER.split(',')),
    });
  });

  it('D8: stats --json has the exact shape, with and without --group-by', async () => {
    const plain: unknown = JSON.parse(
      (await luot(dossiersStats, ['--from', '2024-04-01', '--to', '2024-05-31', '--db', db, '--json'])).out,
    );
    expect(plain).toEqual({
      from: '2024-04-01',
      to: '2024-05-31',
      groupBy: null,
      total: {
        received: 2,
        resolved: 1,
        resolvedEarly: 0,
        resolvedOnTime: 0,
        resolvedLate: 1,
        pending: 1,
        pendingOverdue: 1,
        onTimeRate: 0,
        carriedOver: 0,
      },
      groups: {},
    });
    const grouped = JSON.parse(
      (
        await luot(dossiersStats, [
          '--from',
          '2024-04-01',
          '--to',
          '2024-05-31',
          '--group-by',
          'level',
          '--db',
          db,
          '--json',
        ])
      ).out,
    ) as DossierStats;
    expect(Object.keys(grouped.groups)).toEqual(['commune', 'district']);
    expect(grouped.groups.district).toMatchObject({ received: 1, pending: 1, pendingOverdue: 1, onTimeRate: null });
  });

  it('calendar set moves the due date of a dossier, and status says so', async () => {
    expect(
      JSON.parse((await luot(dossiersStatus, ['A-1', '--as-of', '2024-05-03', '--db', db, '--json'])).out),
    ).toEqual({
      code: 'A-1',
      due: '2024-05-01',
      status: 'late',
    });
    expect((await luot(calendarSet, [join(dir, 'lich.json'), '--db', db])).code).toBe(0);
    expect(JSON.parse((await luot(calendarShow, ['--db', db])).out)).toMatchObject({ workingWeekends: ['2024-05-04'] });
    expect(
      JSON.parse((await luot(dossiersStatus, ['A-1', '--as-of', '2024-05-03', '--db', db, '--json'])).out),
    ).toEqual({
      code: 'A-1',
      due: '2024-05-04',
      status: 'early',
    });
    expect((await luot(dossiersStatus, ['A-1', '--as-of', '2024-05-03', '--db', db])).out).toBe(
      'Hồ sơ A-1: hạn trả 04/05/2024, trước hạn',
    );
  });

  it('mistakes are told in Vietnamese: usage errors, an unknown dossier, a malformed file', async () => {
    await expect(
      luot(dossiersStats, ['--from', '2024-04-01', '--to', '2024-05-31', '--group-by', 'officer', '--db', db]),
    ).rejects.toThrow(UsageError);
    await expect(luot(dossiersStatus, ['A-1', '--as-of', '03/05/2024', '--db', db])).rejects.toThrow(/--as-of/);
    await expect(luot(dossiersImport, [join(dir, 'khong-co.csv'), '--db', db])).rejects.toThrow(/Không mở được/);
    await expect(luot(dossiersImport, [join(dir, 'lich.txt'), '--db', db])).rejects.toThrow(/định dạng/);
    const missing = await luot(dossiersStatus, ['KHÔNG-CÓ', '--db', db, '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({
      code: 'DOSSIER_NOT_FOUND',
      message: texts.errors.DOSSIER_NOT_FOUND,
    });
    writeFileSync(join(dir, 'utf16.csv'), Buffer.from(`\ufeff${CSV_HEADER}\n`, 'utf16le'));
    const bad = await luot(dossiersImport, [join(dir, 'utf16.csv'), '--db', db, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ code: 'IMPORT_ENCODING' });
    writeFileSync(join(dir, 'lich-sai.json'), '{"holidays": [], "workingWeekends": ["2024-05-03"]}');
    await expect(luot(calendarSet, [join(dir, 'lich-sai.json'), '--db', db])).rejects.toMatchObject({
      code: 'CALENDAR_INVALID',
    });
  });

  it('D17: the summary says how each heading was read; an unknown column refuses the import unless --ignore-unknown-columns', async () => {
    const fixture = join(__dirname, 'fixtures', 'mot-cua-phuong-dong-tam.csv');
    const other = join(dir, 'khac.db');
    const r = await luot(dossiersImport, [fixture, '--db', other]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      'Đã nhập 6 hồ sơ mới, cập nhật 0 hồ sơ, 0 dòng lỗi.',
      'Các cột của tệp:',
      '  "Mã hồ sơ" → Mã hồ sơ (code)',
      '  "Lĩnh vực" → Lĩnh vực (field)',
      '  "Cấp thực hiện" → Cấp (level)',
      '  "Hình thức nộp" → Hình thức nộp (channel)',
      '  "Ngày nhận" → Ngày tiếp nhận (receivedAt)',
      '  "Hạn trả" → Ngày hẹn trả (dueDate)',
      '  "Ngày trả" → Ngày trả kết quả (resolvedAt)',
      '  Bỏ qua (số liệu không cần): "STT", "Tên thủ tục", "Người nộp", "Số điện thoại", "Địa chỉ", "Trạng thái", "Ghi chú"',
    ]);

    writeFileSync(
      join(dir, 'la.csv'),
      'Mã hồ sơ,Lĩnh vực,Cấp,Hình thức nộp,Ngày tiếp nhận,Hạn xử lý,Mức phí\nL-1,Đất đai,Xã,Qua mạng,01/03/2024 08:00,08/03/2024,0\n',
    );
    const refused = luot(dossiersImport, [join(dir, 'la.csv'), '--db', other]);
    await expect(refused).rejects.toMatchObject({
      code: 'IMPORT_UNKNOWN_COLUMNS',
      detail: 'cột không nhận ra: "Mức phí"',
    });
    const json = await luot(dossiersImport, [join(dir, 'la.csv'), '--db', other, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ code: 'IMPORT_UNKNOWN_COLUMNS', columns: { unknown: ['Mức phí'] } });
    const taken = await luot(dossiersImport, [join(dir, 'la.csv'), '--db', other, '--ignore-unknown-columns']);
    expect(taken.out).toContain('Đã nhập 1 hồ sơ mới');
    expect(taken.out).toContain('  Không nhận ra: "Mức phí"');
    expect(taken.out).toContain('Lưu ý: tệp không có cột Ngày trả kết quả');
  });

  it('the real `luot` binary: JSON on stdout, progress on stderr', async () => {
    const { stdout, stderr } = await run(
      'node',
      ['hub-server/bin/luot.js', 'dossiers', 'import', join(dir, 'hs.csv'), '--db', db, '--json'],
      {
        cwd: join(__dirname, '../../..'),
        timeout: 60_000,
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ accepted: 0, updated: 2 });
    expect(stderr).toMatch(/100% · 3 dòng/);
  });
});
