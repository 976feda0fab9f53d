import { describe, expect, it } from 'vitest';
import {
  DOSSIER_REJECT_REASONS,
  dossierCodeKey,
  parseDossierRow,
  WorkingCalendar,
  type DossierRejectReason,
} from '../src/model/dossier';
import {
  channelOfCell,
  columnOfHeading,
  DOSSIER_COLUMN_HEADINGS,
  DOSSIER_COLUMNS,
  levelOfCell,
  parseInstant,
  SKIPPED_HEADINGS,
  type DossierColumn,
} from '../src/model/dossier-cells';
import { en } from '../src/i18n/en';
import { vi } from '../src/i18n/vi';

const good = {
  code: 'H61.22-240315-0001',
  field: 'Đất đai',
  level: 'district',
  channel: 'counter',
  receivedAt: '2024-03-15T08:30:00+07:00',
  processingDays: 10,
  resolvedAt: '2024-03-25T16:00:00+07:00',
};

const reasonOf = (patch: Record<string, unknown>): DossierRejectReason | 'ok' => {
  const r = parseDossierRow({ ...good, ...patch });
  return r.ok ? 'ok' : r.reason;
};

describe('dossier row validation', () => {
  it('D9: a valid row is read into instants and a due date or days', () => {
    const r = parseDossierRow(good);
    expect(r).toEqual({
      ok: true,
      dossier: {
        code: 'H61.22-240315-0001',
        field: 'Đất đai',
        level: 'district',
        channel: 'counter',
        receivedAt: Date.parse('2024-03-15T01:30:00Z'),
        processingDays: 10,
        dueDate: null,
        resolvedAt: Date.parse('2024-03-25T09:00:00Z'),
      },
    });
  });

  it('D9: every reason for rejecting a row is caught, with the code of the row when it has one', () => {
    const cases: [Record<string, unknown>, DossierRejectReason][] = [
      [{ code: '' }, 'codeMissing'],
      [{ code: undefined }, 'codeMissing'],
      [{ code: 'x'.repeat(101) }, 'codeTooLong'],
      [{ field: '  ' }, 'fieldMissing'],
      [{ field: 'x'.repeat(201) }, 'fieldTooLong'],
      [{ level: 'national' }, 'levelUnknown'],
      [{ channel: 'fax' }, 'channelUnknown'],
      [{ receivedAt: 'hôm qua' }, 'receivedAtInvalid'],
      [{ receivedAt: '2024-02-30T08:00:00+07:00' }, 'receivedAtInvalid'],
      [{ receivedAt: '2024-03-15T08:30:00' }, 'receivedAtInvalid'], // no offset: which zone?
      [{ receivedAt: '31/02/2024 08:00' }, 'receivedAtInvalid'],
      [{ receivedAt: undefined }, 'receivedAtInvalid'],
      [{ receivedAt: 'x', dueDate: '2024-03-01' }, 'receivedAtInvalid'],
      [{ processingDays: -1 }, 'processingDaysInvalid'],
      [{ processingDays: '-3' }, 'processingDaysInvalid'],
      [{ processingDays: 2.5 }, 'processingDaysInvalid'],
      [{ processingDays: 1001 }, 'processingDaysInvalid'],
      [{ dueDate: '2024-13-01' }, 'dueDateInvalid'],
      [{ resolvedAt: 'sáng mai' }, 'resolvedAtInvalid'],
      [{ processingDays: undefined }, 'deadlineMissing'],
      [{ processingDays: '', dueDate: '' }, 'deadlineMissing'],
      [{ dueDate: '2024-03-14' }, 'dueBeforeReceived'],
      [{ resolvedAt: '2024-03-15T08:29:59+07:00' }, 'resolvedBeforeReceived'],
    ];
    for (const [patch, reason] of cases) expect([patch, reasonOf(patch)]).toEqual([patch, reason]);
    expect(parseDossierRow({ ...good, level: 'x' })).toMatchObject({ code: 'H61.22-240315-0001' });
    expect(parseDossierRow({ ...good, code: ' ' })).toMatchObject({ code: null });
    expect(parseDossierRow([good])).toMatchObject({ ok: false, reason: 'notAnObject' });
    expect(parseDossierRow('HS-1')).toMatchObject({ ok: false, reason: 'notAnObject' });
  });

  it('D9: what a Vietnamese export writes is read too: local dd/MM/yyyy times, Vietnamese levels and channels', () => {
    const r = parseDossierRow({
      ...good,
      level: 'Cấp xã',
      channel: 'Bưu chính công ích',
      receivedAt: '15/03/2024 08:30',
      processingDays: '10',
      dueDate: '29/03/2024',
      resolvedAt: '25/3/2024 16:00:05',
    });
    expect(r).toMatchObject({
      ok: true,
      dossier: {
        level: 'commune',
        channel: 'postal',
        receivedAt: Date.parse('2024-03-15T08:30:00+07:00'),
        dueDate: '2024-03-29',
        resolvedAt: Date.parse('2024-03-25T16:00:05+07:00'),
      },
    });
    expect(reasonOf({ level: 'Tỉnh', channel: 'Trực tuyến' })).toBe('ok');
    expect(reasonOf({ level: 'HUYỆN'.normalize('NFD'), channel: 'TRỰC TIẾP' })).toBe('ok');
    expect(reasonOf({ resolvedAt: null, receivedAt: '2024-03-15T01:30:00.123Z' })).toBe('ok');
    expect(reasonOf({ receivedAt: '2024-03-15T08:30+0700' })).toBe('ok');
  });

  it('D9: an explicit due date on the receipt day, and 0 processing days, are valid', () => {
    expect(reasonOf({ dueDate: '2024-03-15', processingDays: undefined })).toBe('ok');
    expect(reasonOf({ processingDays: 0, resolvedAt: undefined })).toBe('ok');
  });

  it('D9: every reason has a Vietnamese and an English text', () => {
    for (const r of DOSSIER_REJECT_REASONS) {
      expect(vi.dossierRejects[r]).toMatch(/\S/);
      expect(en.dossierRejects[r]).toMatch(/\S/);
    }
  });

  it('D18: every word an export writes for a level or a channel, in any case, with or without diacritics', () => {
    const levels: [string, string][] = [
      ['Tỉnh', 'province'],
      ['Cấp tỉnh', 'province'],
      ['Tỉnh Yên Bái', 'province'],
      ['Thành phố trực thuộc trung ương', 'province'],
      ['Huyện', 'district'],
      ['Huyện Mù Cang Chải', 'district'],
      ['Quận 1', 'district'],
      ['Thị xã Nghĩa Lộ', 'district'],
      ['Thành phố thuộc tỉnh', 'district'],
      ['Cấp huyện', 'district'],
      ['Xã', 'commune'],
      ['Cấp xã', 'commune'],
      ['Phường', 'commune'],
      ['Phường Đồng Tâm', 'commune'],
      ['PHƯỜNG 3', 'commune'],
      ['phuong dong tam', 'commune'],
      ['Thị trấn', 'commune'],
      ['Thị trấn Yên Bình', 'commune'],
      ['thi tran', 'commune'],
      ['Đặc khu Phú Quốc', 'commune'],
      ['UBND xã Khau Phạ', 'commune'],
      ['district', 'district'],
    ];
    for (const [cell, level] of levels) expect([cell, levelOfCell(cell)]).toEqual([cell, level]);
    const channels: [string, string][] = [
      ['Trực tiếp', 'counter'],
      ['Nộp trực tiếp', 'counter'],
      ['Tại quầy', 'counter'],
      ['truc tiep tai bo phan mot cua', 'counter'],
      ['Trực tuyến', 'online'],
      ['Trực tuyến toàn trình', 'online'],
      ['Qua mạng', 'online'],
      ['QUA MANG', 'online'],
      ['Dịch vụ công trực tuyến', 'online'],
      ['Nộp qua Cổng dịch vụ công', 'online'],
      ['Bưu chính', 'postal'],
      ['Bưu chính công ích', 'postal'],
      ['BCCI', 'postal'],
      ['Qua bưu điện', 'postal'],
      ['qua buu dien', 'postal'],
      ['online', 'online'],
    ];
    for (const [cell, channel] of channels) expect([cell, channelOfCell(cell)]).toEqual([cell, channel]);
    // Not guessed: a bare "thành phố" is a district-level or a province-level city; a fax is no channel.
    expect(reasonOf({ level: 'Thành phố Yên Bái' })).toBe('levelUnknown');
    expect(reasonOf({ level: 'Quốc gia' })).toBe('levelUnknown');
    expect(reasonOf({ channel: 'Fax' })).toBe('channelUnknown');
    expect(reasonOf({ level: 'Phường Đồng Tâm', channel: 'Qua mạng' })).toBe('ok');
  });

  it('D17: every heading of every column, and every skipped one, is recognised whatever its case and diacritics', () => {
    for (const col of Object.keys(DOSSIER_COLUMNS) as DossierColumn[]) {
      for (const h of [col, DOSSIER_COLUMNS[col], ...DOSSIER_COLUMN_HEADINGS[col]]) {
        expect([h, columnOfHeading(h)]).toEqual([h, col]);
        expect([h, columnOfHeading(h.toUpperCase())]).toEqual([h, col]);
        const bare = h
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/[đĐ]/g, 'd');
        expect([bare, columnOfHeading(bare)]).toEqual([bare, col]);
      }
    }
    for (const h of SKIPPED_HEADINGS) expect([h, columnOfHeading(h)]).toEqual([h, 'skip']);
    expect(columnOfHeading('Hạn trả')).toBe('dueDate');
    expect(columnOfHeading('Ngày trả')).toBe('resolvedAt');
    expect(columnOfHeading('Thời hạn giải quyết (ngày)')).toBe('processingDays');
    expect(columnOfHeading('Ngày hẹn lại')).toBeNull();
    // No heading is given two meanings.
    const all = [...Object.values(DOSSIER_COLUMN_HEADINGS).flat(), ...SKIPPED_HEADINGS];
    const keys = all.map((h) =>
      h
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9đ]+/g, ' ')
        .trim(),
    );
    const meanings = new Map<string, Set<string>>();
    all.forEach((h, i) =>
      meanings.set(keys[i]!, (meanings.get(keys[i]!) ?? new Set()).add(String(columnOfHeading(h)))),
    );
    for (const [k, m] of meanings) expect([k, m.size]).toEqual([k, 1]);
  });

  it('D1: dd/MM/yyyy HH:mm, also on the 12-hour clock Excel writes in Vietnamese (SA, CH)', () => {
    expect(parseInstant('15/03/2024 08:30')).toBe(Date.parse('2024-03-15T08:30:00+07:00'));
    expect(parseInstant('15/03/2024 8:30:05 SA')).toBe(Date.parse('2024-03-15T08:30:05+07:00'));
    expect(parseInstant('15/03/2024 1:15 CH')).toBe(Date.parse('2024-03-15T13:15:00+07:00'));
    expect(parseInstant('15/03/2024 12:00 SA')).toBe(Date.parse('2024-03-15T00:00:00+07:00'));
    expect(parseInstant('15/03/2024 12:00 CH')).toBe(Date.parse('2024-03-15T12:00:00+07:00'));
    expect(parseInstant('15/03/2024 13:00 CH')).toBeNaN();
  });

  it('D19: a dossier code as looked up: no spaces or dashes, ASCII letters in lower case', () => {
    expect(dossierCodeKey('H61.22-240315-0001')).toBe('h61.222403150001');
    expect(dossierCodeKey(' hs – 00 001 ')).toBe('hs00001');
    expect(dossierCodeKey('HS\u2010001\u2212A')).toBe('hs001a');
    expect(dossierCodeKey('Đ-1')).toBe('Đ1');
  });

  it('D2: a calendar names dates; make-up working days are weekend days and not holidays', () => {
    expect(WorkingCalendar.safeParse({ holidays: ['2024-04-30'], workingWeekends: ['2024-05-04'] }).success).toBe(true);
    expect(WorkingCalendar.safeParse({ holidays: ['2024-04-31'], workingWeekends: [] }).success).toBe(false);
    expect(WorkingCalendar.safeParse({ holidays: [], workingWeekends: ['2024-05-03'] }).success).toBe(false);
    expect(WorkingCalendar.safeParse({ holidays: ['2024-05-04'], workingWeekends: ['2024-05-04'] }).success).toBe(
      false,
    );
    expect(WorkingCalendar.safeParse({ holidays: [] }).success).toBe(false);
  });
});
