import { describe, expect, it } from 'vitest';
import {
  DOSSIER_REJECT_REASONS,
  parseDossierRow,
  WorkingCalendar,
  type DossierRejectReason,
} from '../src/model/dossier';
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
