import ExcelJS from 'exceljs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierPanel, DossierStats, vi as texts } from '@luot/shared';
import type { Dispatch } from '../../src/actions';
import { createDeviceRepository } from '../../src/features/devices/device-repository';
import { dossierRoutes } from '../../src/features/dossiers/dossier-routes';
import { createHttpServer } from '../../src/http/http-server';
import { CSV_HEADER, dossierFixture, inOrder } from './support';

describe('dossier REST edge over real HTTP', () => {
  let fx: ReturnType<typeof dossierFixture>;
  let server: Server;
  let base: string;
  const tokens = { admin: '', display: '', kiosk: '' };
  const panels: DossierPanel[] = [];

  beforeAll(async () => {
    fx = dossierFixture(); // today is 15/03/2024 in Hà Nội
    const devices = createDeviceRepository(fx.db);
    for (const role of ['admin', 'display', 'kiosk'] as const) tokens[role] = devices.create(role, null, role, 0);
    const dispatch = (() => {
      throw new Error('no actions in this test');
    }) as unknown as Dispatch;
    server = createHttpServer({
      devices,
      dispatch,
      publish: () => undefined,
      apps: {},
      rawRoutes: dossierRoutes({ dossiers: fx.service, notify: { dossiersUpdated: (p) => panels.push(p) } }),
      logger: pino({ level: 'silent' }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fx.close();
  });

  type Body = NonNullable<Parameters<typeof fetch>[1]>['body'];
  const call = async (method: string, path: string, token: string | null, body?: Body, type?: string) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (type) headers['content-type'] = type;
    const res = await fetch(base + path, {
      method,
      headers,
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('POST /api/dossiers: an admin pushes a JSON batch; the hub is told once it is stored', async () => {
    const batch = {
      dossiers: [
        {
          code: 'HTTP-1',
          field: 'Đất đai',
          level: 'commune',
          channel: 'online',
          receivedAt: '2024-03-01T08:00:00+07:00',
          processingDays: 5,
        },
        {
          code: 'HTTP-2',
          field: 'Kinh doanh',
          level: 'commune',
          channel: 'counter',
          receivedAt: '2024-03-04T08:00:00+07:00',
          processingDays: 3,
          resolvedAt: '2024-03-06T09:00:00+07:00',
        },
        {
          code: '',
          field: 'Kinh doanh',
          level: 'commune',
          channel: 'counter',
          receivedAt: '2024-03-04T08:00:00+07:00',
          processingDays: 3,
        },
      ],
    };
    const r = await call('POST', '/api/dossiers', tokens.admin, JSON.stringify(batch), 'application/json');
    expect(r).toEqual({
      status: 200,
      body: { accepted: 2, updated: 0, rejected: [{ row: 3, code: null, reason: texts.dossierRejects.codeMissing }] },
    });
    expect(panels).toEqual([fx.service.panel()]);
  });

  it('POST /api/dossiers: only an admin; a display or no token is refused', async () => {
    expect((await call('POST', '/api/dossiers', tokens.display, '{"dossiers": []}')).status).toBe(403);
    expect((await call('POST', '/api/dossiers', null, '{"dossiers": []}')).status).toBe(401);
  });

  it('POST /api/dossiers/import: CSV by ?format, XLSX by its content-type', async () => {
    const csv = `${CSV_HEADER}\nHTTP-3,Đất đai,district,postal,2024-03-11T08:00:00+07:00,2,,\n`;
    expect((await call('POST', '/api/dossiers/import?format=csv', tokens.admin, csv)).body).toEqual({
      accepted: 1,
      updated: 0,
      rejected: [],
      columns: inOrder(CSV_HEADER.split(',')), // D17: how the headings were read
    });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(['Mã hồ sơ', 'Lĩnh vực', 'Cấp', 'Hình thức nộp', 'Ngày tiếp nhận', 'Số ngày giải quyết']);
    ws.addRow(['HTTP-3', 'Đất đai', 'Cấp huyện', 'Bưu chính', '11/03/2024 08:00', 4]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await call(
      'POST',
      '/api/dossiers/import',
      tokens.admin,
      xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(r.body).toEqual({
      accepted: 0,
      updated: 1,
      rejected: [],
      columns: inOrder(['Mã hồ sơ', 'Lĩnh vực', 'Cấp', 'Hình thức nộp', 'Ngày tiếp nhận', 'Số ngày giải quyết']),
    });
  });

  it('POST /api/dossiers/import: an unknown format and a malformed file answer a code, the Vietnamese text and where', async () => {
    expect(await call('POST', '/api/dossiers/import', tokens.admin, 'a,b', 'text/plain')).toEqual({
      status: 415,
      body: { code: 'IMPORT_FORMAT', message: texts.errors.IMPORT_FORMAT, detail: null },
    });
    const utf16 = Buffer.from(`\ufeff${CSV_HEADER}\n`, 'utf16le');
    const r = await call('POST', '/api/dossiers/import?format=csv', tokens.admin, utf16);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      code: 'IMPORT_ENCODING',
      message: texts.errors.IMPORT_ENCODING,
      detail: expect.stringContaining('byte') as string,
    });
  });

  it('D12: 100 MB of junk uploaded is refused at once, nothing written, and the hub answers the next request', async () => {
    let sent = 0;
    const junk = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 100 * 1024 * 1024) return controller.close();
        const chunk = new Uint8Array(64 * 1024).map((_, i) => (Math.imul(sent + i, 2654435761) >>> 24) & 0xff);
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const before = fx.service.stats({ from: '2024-01-01', to: '2024-12-31' });
    const r = await call('POST', '/api/dossiers/import?format=csv', tokens.admin, junk);
    expect(r.body).toMatchObject({ code: 'IMPORT_ENCODING' });
    expect(fx.service.stats({ from: '2024-01-01', to: '2024-12-31' })).toEqual(before);
    expect((await call('GET', '/api/dossiers/HTTP-1', null)).status).toBe(200);
  });

  it('GET /api/stats/dossiers: the figures for a display or an admin, grouped on request; a bad period is refused', async () => {
    const r = await call('GET', '/api/stats/dossiers?from=2024-03-01&to=2024-03-15&groupBy=field', tokens.display);
    expect(r.status).toBe(200);
    const stats = DossierStats.parse(r.body);
    expect(stats).toMatchObject({ from: '2024-03-01', to: '2024-03-15', groupBy: 'field' });
    expect(stats.total).toMatchObject({ received: 3, resolved: 1, resolvedEarly: 1, pending: 2, pendingOverdue: 1 });
    expect(Object.keys(stats.groups)).toEqual(['Kinh doanh', 'Đất đai']);
    const plain = await call('GET', '/api/stats/dossiers?from=2024-03-01&to=2024-03-15', tokens.admin);
    expect(plain.body).toMatchObject({ groupBy: null, groups: {} });

    for (const q of [
      'from=2024-03-15&to=2024-03-01',
      'from=2024-03-01',
      'from=01/03/2024&to=2024-03-15',
      'from=2024-03-01&to=2024-03-15&groupBy=officer',
    ]) {
      expect(await call('GET', `/api/stats/dossiers?${q}`, tokens.admin)).toEqual({
        status: 400,
        body: { code: 'PERIOD_INVALID', message: texts.errors.PERIOD_INVALID },
      });
    }
    expect((await call('GET', '/api/stats/dossiers?from=2024-03-01&to=2024-03-15', tokens.kiosk)).status).toBe(403);
  });

  it('GET /api/dossiers/:code: public, and only the code, status, field and due date', async () => {
    expect(await call('GET', '/api/dossiers/HTTP-1', null)).toEqual({
      status: 200,
      body: { code: 'HTTP-1', status: 'overdue', field: 'Đất đai', due: '2024-03-08' },
    });
    expect(await call('GET', `/api/dossiers/${encodeURIComponent('KHÔNG/CÓ')}`, null)).toEqual({
      status: 404,
      body: { code: 'DOSSIER_NOT_FOUND', message: texts.errors.DOSSIER_NOT_FOUND },
    });
    expect((await call('GET', `/api/dossiers/${'x'.repeat(500)}`, null)).status).toBe(404);
    expect((await call('GET', '/api/dossiers/%E0%A4%A', null)).status).toBe(404);
  });

  it('D19: the look-up ignores case, spaces and dashes, and answers with the code as stored', async () => {
    for (const typed of ['http-1', 'HTTP1', ' http 1 ', 'Http–1']) {
      expect(await call('GET', `/api/dossiers/${encodeURIComponent(typed)}`, null), typed).toEqual({
        status: 200,
        body: { code: 'HTTP-1', status: 'overdue', field: 'Đất đai', due: '2024-03-08' },
      });
    }
    expect((await call('GET', '/api/dossiers/HTTP-1X', null)).status).toBe(404);
  });

  it('D17: POST /api/dossiers/import refuses an unknown column with how the headings were read, and takes it with ?ignoreUnknown=1', async () => {
    // HTTP-3 again (4 processing days from the XLSX above), now with 2.
    const csv = `STT,${CSV_HEADER},Ngày hẹn lại\n1,HTTP-3,Đất đai,Huyện,Qua bưu điện,2024-03-11T08:00:00+07:00,2,,,\n`;
    expect(fx.service.status('HTTP-3').due).toBe('2024-03-15');
    const refused = await call('POST', '/api/dossiers/import?format=csv', tokens.admin, csv);
    expect(refused).toEqual({
      status: 400,
      body: {
        code: 'IMPORT_UNKNOWN_COLUMNS',
        message: texts.errors.IMPORT_UNKNOWN_COLUMNS,
        detail: 'cột không nhận ra: "Ngày hẹn lại"',
        columns: { ...inOrder(CSV_HEADER.split(',')), skipped: ['STT'], unknown: ['Ngày hẹn lại'] },
      },
    });
    expect(fx.service.status('HTTP-3').due).toBe('2024-03-15');
    const taken = await call('POST', '/api/dossiers/import?format=csv&ignoreUnknown=1', tokens.admin, csv);
    expect(taken).toMatchObject({ status: 200, body: { updated: 1, columns: { unknown: ['Ngày hẹn lại'] } } });
    expect(fx.service.status('HTTP-3').due).toBe('2024-03-13');
    expect(
      (await call('POST', '/api/dossiers/import?format=csv&ignoreUnknown=yes', tokens.admin, csv)).body,
    ).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('D14: the wall panel payload is what the display parses', () => {
    const panel = DossierPanel.parse(fx.service.panel());
    expect(panel.month.total.received).toBe(3);
    expect(panel.year.groups['Đất đai']?.pending).toBe(2);
  });
});
