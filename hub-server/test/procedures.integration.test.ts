import {
  manualClock,
  vi as texts,
  type ProcedureDetail,
  type ProcedureImportResult,
  type ProcedureList,
} from '@luot/shared';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proceduresImport } from '../src/cli/commands/procedures';
import { api, connect, startTestHub, type TestSocket } from './support/hub';
import { runCommand as luot } from './support/cli';

const FIXTURES = join(import.meta.dirname, 'procedures', 'fixtures');
const CSV = readFileSync(join(FIXTURES, 'thu-tuc-xa.csv'));
const JSON_FILE = readFileSync(join(FIXTURES, 'thu-tuc.json'));

type TestHub = Awaited<ReturnType<typeof startTestHub>>;

async function upload(
  hub: TestHub,
  body: Uint8Array,
  type: string,
  query = '',
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${hub.url}/api/procedures/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hub.demoTokens!.admin}`, 'content-type': type },
    body,
  });
  return { status: res.status, body: await res.json() };
}

const get = async <T>(hub: TestHub, path: string): Promise<{ status: number; body: T; headers: Headers }> => {
  const res = await fetch(hub.url + path);
  const text = await res.text();
  return { status: res.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as T, headers: res.headers };
};

/** An XLSX file as a province's export writes it: a title row, Vietnamese headings, lines in cells. */
async function xlsxFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục TTHC');
  ws.addRow(['DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ']);
  ws.addRow([
    'Mã thủ tục',
    'Tên thủ tục',
    'Tên lĩnh vực',
    'Cấp',
    'Thời hạn',
    'Lệ phí',
    'Hồ sơ',
    'Biểu mẫu',
    'Cơ sở pháp lý',
    'Ghi chú',
  ]);
  ws.addRow([
    '2.000986.000.00.00.H12',
    'Đăng ký khai tử',
    'Hộ tịch',
    'Xã',
    'Ngay trong ngày',
    'Miễn lệ phí',
    'Tờ khai đăng ký khai tử\nGiấy báo tử',
    'Tờ khai đăng ký khai tử (https://example.gov.vn/mau/khai-tu.docx)',
    'Luật Hộ tịch năm 2014',
    'Thêm từ tệp XLSX',
  ]);
  ws.addRow(['X.1', '', 'Hộ tịch']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('procedure catalogue over REST', () => {
  let hub: TestHub;
  const clock = manualClock(Date.parse('2026-11-02T02:00:00Z'));
  beforeAll(async () => {
    hub = await startTestHub({ clock });
  });
  afterAll(async () => {
    await hub.stop();
  });

  it('R11: the demo hub starts with its sample catalogue, each procedure mapped to one of its services', async () => {
    const all = await get<ProcedureList>(hub, '/api/procedures');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(10);
    expect(all.body.procedures.every((p) => p.serviceId !== null)).toBe(true);
    expect(new Set(all.body.procedures.map((p) => p.serviceId))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('R2 R4: a CSV export under title rows: headings recognised, bad rows rejected with their reasons, the rest kept', async () => {
    const preview = await upload(hub, CSV, 'text/csv', '?preview=1');
    expect(preview.status).toBe(200);
    const p = preview.body as ProcedureImportResult;
    expect(p.preview).toBe(true);
    expect(p.rejected).toEqual([
      { row: 6, code: null, reason: texts.procedures.rejects.codeMissing },
      { row: 7, code: '2.000815.000.00.00.H12', reason: texts.procedures.rejects.levelUnknown },
      { row: 8, code: '1.009994.000.00.00.H12', reason: texts.procedures.rejects.formUrlInvalid },
    ]);
    expect(p.columns?.skipped).toEqual(['STT']);
    expect(p.columns?.mapped.map((m) => m.column)).toEqual([
      'code',
      'name',
      'field',
      'level',
      'processingTime',
      'fees',
      'documents',
      'forms',
      'legalBasis',
    ]);
    // Three codes of the demo catalogue: updates, and nothing written by the preview.
    expect([p.accepted, p.updated]).toEqual([0, 3]);
    const before = await get<ProcedureDetail>(hub, '/api/procedures/1.000894.000.00.00.H12');
    expect(before.body.documents).toHaveLength(3);
    expect(before.body.documents[0]).toBe('Tờ khai đăng ký kết hôn (hai bên cùng ký)');

    clock.advance(1000);
    const done = (await upload(hub, CSV, 'text/csv')).body as ProcedureImportResult;
    expect([done.preview, done.accepted, done.updated, done.rejected.length]).toEqual([false, 0, 3, 3]);
    const after = await get<ProcedureDetail>(hub, '/api/procedures/1.000894.000.00.00.H12');
    expect(after.body).toMatchObject({
      name: 'Đăng ký kết hôn',
      field: 'Hộ tịch',
      level: 'commune',
      fees: 'Miễn lệ phí',
      documents: [
        'Tờ khai đăng ký kết hôn theo mẫu',
        'Giấy tờ tùy thân của hai bên',
        'Giấy xác nhận tình trạng hôn nhân (nếu cư trú ở xã khác)',
      ],
      forms: [{ name: 'Tờ khai đăng ký kết hôn', url: 'https://example.gov.vn/mau/to-khai-ket-hon.docx' }],
      legalBasis: ['Luật Hộ tịch năm 2014', 'Nghị định 123/2015/NĐ-CP'],
      // R3: no service column: the field "Hộ tịch" goes to the service "Tư pháp – Hộ tịch".
      serviceId: 2,
      serviceName: 'Tư pháp – Hộ tịch',
    });
    const birth = await get<ProcedureDetail>(hub, '/api/procedures/1.001193.000.00.00.H12');
    expect(birth.body.documents).toEqual(['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh']);
  });

  it('R2 R3: a JSON export: list cells as lists or lines, the named service, row-level rejections', async () => {
    clock.advance(1000);
    const r = await upload(hub, JSON_FILE, 'application/json');
    expect(r.status).toBe(200);
    const body = r.body as ProcedureImportResult;
    expect(body.rejected).toEqual([
      { row: 3, code: '1.999999', reason: texts.procedures.rejects.serviceUnknown },
      { row: 4, code: null, reason: texts.procedures.rejects.notAnObject },
      { row: 5, code: '1.000894.000.00.00.H12', reason: texts.procedures.rejects.listInvalid },
    ]);
    expect([body.accepted, body.updated]).toEqual([0, 2]);
    const land = await get<ProcedureDetail>(hub, '/api/procedures/1.003003.000.00.00.H12');
    expect(land.body).toMatchObject({
      name: 'Đăng ký biến động quyền sử dụng đất',
      level: 'commune',
      documents: ['Đơn đăng ký biến động', 'Bản gốc Giấy chứng nhận'],
      serviceId: 1,
    });
  });

  it('R2: an XLSX export with its own headings and a skipped column', async () => {
    clock.advance(1000);
    const r = await upload(hub, await xlsxFile(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.status).toBe(200);
    const body = r.body as ProcedureImportResult;
    expect(body.rejected).toEqual([{ row: 4, code: 'X.1', reason: texts.procedures.rejects.nameMissing }]);
    expect(body.columns?.skipped).toEqual(['Ghi chú']);
    const death = await get<ProcedureDetail>(hub, '/api/procedures/2.000986.000.00.00.H12');
    expect(death.body).toMatchObject({
      documents: ['Tờ khai đăng ký khai tử', 'Giấy báo tử'],
      forms: [{ name: 'Tờ khai đăng ký khai tử', url: 'https://example.gov.vn/mau/khai-tu.docx' }],
      serviceId: 2,
    });
  });

  it('R2: a file without the required columns is refused whole (D12, D17), naming them', async () => {
    const r = await upload(hub, new TextEncoder().encode('Mã TTHC,Lĩnh vực\n1.1,Hộ tịch\n'), 'text/csv');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'IMPORT_COLUMNS' });
    expect((r.body as { detail: string }).detail).toContain('Tên thủ tục (name)');
    const noList = await upload(hub, new TextEncoder().encode('{"dossiers": []}'), 'application/json');
    expect(noList.body).toMatchObject({ code: 'IMPORT_INVALID', detail: 'thiếu danh sách "procedures"' });
  });

  it('R4: the import is for admins only', async () => {
    const res = await fetch(`${hub.url}/api/procedures/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.demoTokens!.kiosk}`, 'content-type': 'text/csv' },
      body: CSV,
    });
    expect(res.status).toBe(403);
  });

  it('R6 R8: GET /api/procedures?q= finds "Đăng ký kết hôn" first, with or without diacritics, and with a typo', async () => {
    for (const q of ['dang ky ket hon', 'đăng ký kết hôn', 'DANG KY KET HOM', 'dang ky ket h']) {
      const r = await get<ProcedureList>(hub, `/api/procedures?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(r.body.procedures[0]?.name, q).toBe('Đăng ký kết hôn');
    }
    const none = await get<ProcedureList>(hub, '/api/procedures?q=zzzz');
    expect(none.body.procedures).toEqual([]);
    const bad = await get<unknown>(hub, '/api/procedures?limit=0');
    expect(bad.status).toBe(400);
  });

  it('R8: GET /api/procedures/:code is public; an unknown code is 404 NOT_FOUND; no personal data in it', async () => {
    const r = await get<ProcedureDetail>(hub, `/api/procedures/${encodeURIComponent('1.001193.000.00.00.H12')}`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(
      [
        'centreName',
        'code',
        'documents',
        'fees',
        'field',
        'forms',
        'legalBasis',
        'level',
        'name',
        'processingTime',
        'serviceId',
        'serviceName',
        'serviceNameEn',
      ].sort(),
    );
    expect(r.body.centreName).toBe('Trung tâm Phục vụ hành chính công xã Mù Cang Chải');
    expect((await get(hub, '/api/procedures/KHONG-CO')).status).toBe(404);
    expect((await get(hub, '/api/procedures/%E0%A4%A')).status).toBe(404);
  });

  it('R8: the public routes are limited per address (burst 60, then 429 RATE_LIMITED with Retry-After)', async () => {
    clock.advance(60 * 60 * 1000); // a full bucket
    const codes: number[] = [];
    for (let i = 0; i < 61; i += 1) codes.push((await fetch(`${hub.url}/api/procedures?q=ho`)).status);
    expect(codes.slice(0, 60).every((c) => c === 200)).toBe(true);
    const refused = await fetch(`${hub.url}/api/procedures/1.001193.000.00.00.H12`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    clock.advance(60 * 1000);
    expect((await fetch(`${hub.url}/api/procedures?q=ho`)).status).toBe(200);
  });
});

describe('luot procedures import', () => {
  let dir: string;
  let hub: TestHub;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'luot-proc-'));
    hub = await startTestHub({ dbPath: join(dir, 'luot.db') });
    writeFileSync(join(dir, 'thu-tuc.csv'), CSV);
  });
  afterAll(async () => {
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('R4: --preview says what would change and writes nothing; then the import is seen by the running hub', async () => {
    const db = join(dir, 'luot.db');
    const preview = await luot(proceduresImport, [join(dir, 'thu-tuc.csv'), '--db', db, '--preview']);
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('Xem trước (chưa ghi gì): 0 thủ tục mới, 3 thủ tục cập nhật, 3 dòng lỗi.');
    expect(preview.out).toContain(`dòng 7 (2.000815.000.00.00.H12): ${texts.procedures.rejects.levelUnknown}`);
    const before = await get<ProcedureDetail>(hub, '/api/procedures/1.000894.000.00.00.H12');
    expect(before.body.documents).toHaveLength(3);

    const done = await luot(proceduresImport, [join(dir, 'thu-tuc.csv'), '--db', db, '--json']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ preview: false, accepted: 0, updated: 3 });
    // R4: the hub's index is rebuilt for the new catalogue at its next request.
    const after = await get<ProcedureDetail>(hub, '/api/procedures/1.000894.000.00.00.H12');
    expect(after.body.documents[0]).toBe('Tờ khai đăng ký kết hôn theo mẫu');
  });

  it('R4: a file the import refuses: --json prints the error and exits 1', async () => {
    writeFileSync(join(dir, 'rong.csv'), '');
    const r = await luot(proceduresImport, [join(dir, 'rong.csv'), '--db', join(dir, 'luot.db'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'IMPORT_EMPTY' });
  });
});

describe('the procedure catalogue edited in the admin console', () => {
  let hub: TestHub;
  let admin: TestSocket;
  let kiosk: TestSocket;
  const clock = manualClock(Date.parse('2026-11-02T02:00:00Z'));
  const NEW = {
    code: 'X.000123.000.00.00.H12',
    name: 'Xác nhận thông tin cư trú',
    field: 'Hộ tịch',
    level: 'commune' as const,
    processingTime: '02 ngày làm việc',
    fees: 'Miễn lệ phí',
    documents: ['Tờ khai xác nhận thông tin cư trú'],
    forms: ['Tờ khai CT07 — https://example.gov.vn/mau/ct07.docx'],
    legalBasis: ['Luật Cư trú năm 2020'],
  };
  beforeAll(async () => {
    hub = await startTestHub({ clock });
    admin = await connect(hub.url, hub.demoTokens!.admin);
    kiosk = await connect(hub.url, hub.demoTokens!.kiosk);
  });
  afterAll(async () => {
    admin.close();
    kiosk.close();
    await hub.stop();
  });
  const lastAudit = async (): Promise<{ action: string; summary: string; actor: string }> => {
    const ack = await admin.emitWithAck('audit:list', { limit: 1 });
    if (!ack.ok) throw new Error(ack.code);
    return ack.data.entries[0]!;
  };

  it('R12: procedure:save stores a new procedure (its service by its field, R3), with its audit line, and search finds it', async () => {
    clock.advance(1000);
    const ack = await admin.emitWithAck('procedure:save', { procedure: NEW });
    expect(ack).toMatchObject({ ok: true, data: { code: NEW.code, name: NEW.name, level: 'commune' } });
    if (!ack.ok) return;
    expect(ack.data.forms).toEqual([{ name: 'Tờ khai CT07', url: 'https://example.gov.vn/mau/ct07.docx' }]);
    expect(ack.data.serviceId).not.toBeNull();
    expect(await lastAudit()).toMatchObject({
      action: 'procedure.add',
      summary: `Thêm thủ tục ${NEW.code} — ${NEW.name}`,
    });
    // R13: the hub's index was rebuilt: the public search (the kiosk's catalogue read) finds it.
    const found = await get<ProcedureList>(hub, '/api/procedures?q=xac nhan cu tru');
    expect(found.body.procedures[0]?.code).toBe(NEW.code);
    expect(found.body.total).toBe(11);
  });

  it('R12: saving a stored code replaces it (fees, service), over REST too; the audit line says "Sửa"', async () => {
    clock.advance(1000);
    const res = await api(hub.url, hub.demoTokens!.admin, 'PUT', '/api/procedures', {
      procedure: { ...NEW, fees: 'Lệ phí: 10.000 đồng' },
      serviceId: 2,
    });
    expect(res.status).toBe(200);
    const detail = await get<ProcedureDetail>(hub, `/api/procedures/${encodeURIComponent(NEW.code)}`);
    expect(detail.body).toMatchObject({ fees: 'Lệ phí: 10.000 đồng', serviceId: 2 });
    expect(await lastAudit()).toMatchObject({
      action: 'procedure.update',
      summary: `Sửa thủ tục ${NEW.code} — ${NEW.name}`,
    });
    expect((await get<ProcedureList>(hub, '/api/procedures')).body.total).toBe(11);
  });

  it('R12: an invalid procedure is refused with every wrong field in Vietnamese (the import checks), nothing written', async () => {
    const ack = await admin.emitWithAck('procedure:save', {
      procedure: { ...NEW, code: 'X.9', name: '  ', level: null, forms: ['Mẫu (ftp://sai)'], fees: 'x'.repeat(2001) },
      serviceId: 99,
    });
    expect(ack).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    if (ack.ok) return;
    expect(ack.fields).toEqual([
      { path: 'procedure.name', message: texts.procedures.rejects.nameMissing },
      { path: 'procedure.fees', message: texts.procedures.rejects.textTooLong },
      { path: 'procedure.forms', message: texts.procedures.rejects.formUrlInvalid },
    ]);
    // The fields that pass alone, with an unknown service: that one is named.
    const service = await admin.emitWithAck('procedure:save', { procedure: NEW, serviceId: 99 });
    expect(service).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
      fields: [{ path: 'serviceId', message: texts.procedures.rejects.serviceUnknown }],
    });
    const rest = await api(hub.url, hub.demoTokens!.admin, 'PUT', '/api/procedures', {
      procedure: { ...NEW, code: 'X.9', field: '' },
    });
    expect(rest.status).toBe(400);
    expect(rest.body).toMatchObject({
      code: 'BAD_REQUEST',
      fields: [{ path: 'procedure.field', message: texts.procedures.rejects.fieldMissing }],
    });
    expect((await get(hub, '/api/procedures/X.9')).status).toBe(404);
    // Only admins edit the catalogue.
    expect(await kiosk.emitWithAck('procedure:save', { procedure: NEW })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('R13: procedure:delete removes it, with its audit line; the kiosk no longer finds it; an unknown code is NOT_FOUND', async () => {
    clock.advance(1000);
    const ack = await admin.emitWithAck('procedure:delete', { code: NEW.code });
    expect(ack).toEqual({ ok: true, data: { code: NEW.code, name: NEW.name } });
    expect(await lastAudit()).toMatchObject({
      action: 'procedure.delete',
      summary: `Xoá thủ tục ${NEW.code} — ${NEW.name}`,
    });
    expect((await get(hub, `/api/procedures/${encodeURIComponent(NEW.code)}`)).status).toBe(404);
    const list = await get<ProcedureList>(hub, '/api/procedures?q=xac nhan cu tru');
    expect(list.body.procedures.map((p) => p.code)).not.toContain(NEW.code);
    expect(list.body.total).toBe(10);
    expect(await admin.emitWithAck('procedure:delete', { code: NEW.code })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    const rest = await api(hub.url, hub.demoTokens!.admin, 'POST', '/api/procedures/delete', { code: 'X.không-có' });
    expect([rest.status, rest.body]).toMatchObject([404, { code: 'NOT_FOUND' }]);
  });
});
