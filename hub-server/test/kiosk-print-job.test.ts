import { PrintableTicket } from '@luot/hardware';
import { DEFAULT_PRIORITY_CATEGORIES, type CentreSettings, type Service, type Ticket } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { printJob } from '../src/features/printing/print-job';

const settings: CentreSettings = {
  name: 'Trung tâm Phục vụ hành chính công tỉnh Yên Bái',
  blockSize: 1000,
  numberFormat: 'numeric',
  priorityCategories: DEFAULT_PRIORITY_CATEGORIES,
  maxPriorityInRow: 2,
  defaultServiceSeconds: 300,
};
const service: Service = {
  id: 5,
  block: 5,
  name: 'Lao động – Thương binh và Xã hội',
  nameEn: 'Labour, invalids and social affairs',
  field: 'Lao động – TB&XH',
  opensAt: '07:30',
  closesAt: '17:00',
};
const ticket: Ticket = {
  id: 42,
  publicId: 'q7Xk2mPz9LwR4vTn',
  serviceId: 5,
  number: 5017,
  label: '5017',
  day: '2025-03-05',
  priority: 'merit',
  status: 'waiting',
  issuedAt: '2025-03-05T01:15:00.000Z',
  counterId: null,
  calledAt: null,
};

describe('the paper ticket of an issued ticket', () => {
  it('K4: carries the centre, service, number, wait, the Vietnamese priority name and the public page', () => {
    const job = printJob(
      ticket,
      { ahead: 12, estimatedWaitMinutes: 25 },
      settings,
      service,
      'http://192.168.1.10:8080',
    );
    expect(job).toEqual({
      centreName: 'Trung tâm Phục vụ hành chính công tỉnh Yên Bái',
      serviceName: 'Lao động – Thương binh và Xã hội',
      label: '5017',
      issuedAt: Date.UTC(2025, 2, 5, 1, 15),
      ahead: 12,
      estimatedWaitMinutes: 25,
      priorityName: 'Người có công với cách mạng',
      qrUrl: 'http://192.168.1.10:8080/t/q7Xk2mPz9LwR4vTn',
      notice: 'Vui lòng chú ý màn hình và loa gọi số. Vé chỉ có giá trị trong ngày.',
    });
    // What the hub builds is what the printer side accepts.
    expect(PrintableTicket.safeParse(job).success).toBe(true);
  });

  it('K4 C11: with a public address set, the QR opens it, so a phone outside the centre network reaches the page', () => {
    const wait = { ahead: 0, estimatedWaitMinutes: 0 };
    const origin = 'http://192.168.1.10:8080';
    const publicUrl = 'https://hcc.yenbai.gov.vn/luot/';
    expect(printJob(ticket, wait, { ...settings, publicUrl }, service, origin).qrUrl).toBe(
      'https://hcc.yenbai.gov.vn/luot/t/q7Xk2mPz9LwR4vTn',
    );
  });

  it('K4: an ordinary ticket has no priority; one whose category was since removed still prints as priority', () => {
    const wait = { ahead: 0, estimatedWaitMinutes: null };
    expect(printJob({ ...ticket, priority: null }, wait, settings, service, 'http://h:1').priorityName).toBeNull();
    expect(printJob({ ...ticket, priority: 'veteran' }, wait, settings, service, 'http://h:1').priorityName).toBe(
      'Ưu tiên',
    );
  });

  it('K4: a ticket that no longer waits prints 0 ahead rather than nothing', () => {
    const job = printJob(ticket, { ahead: null, estimatedWaitMinutes: null }, settings, service, 'http://h:1');
    expect(job).toMatchObject({ ahead: 0, estimatedWaitMinutes: null });
  });
});
