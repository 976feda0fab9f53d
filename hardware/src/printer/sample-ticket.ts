import type { PrintableTicket } from './printable-ticket';

/**
 * A ticket with the longest field name a centre has, for `luot print-test`, the printer bench and
 * the layout tests: it shows at once whether wrapping and Vietnamese marks come out right.
 */
export function sampleTicket(issuedAt: number): PrintableTicket {
  return {
    centreName: 'Trung tâm Phục vụ hành chính công tỉnh Yên Bái',
    serviceName: 'Lao động – Thương binh và Xã hội: trợ cấp, chính sách người có công',
    label: '4017',
    issuedAt,
    ahead: 12,
    estimatedWaitMinutes: 25,
    priorityName: 'Người cao tuổi',
    qrUrl: 'http://192.168.1.10:8080/t/q7Xk2mPz9LwR4vTn',
    notice: 'Vui lòng chú ý màn hình và loa gọi số. Vé chỉ có giá trị trong ngày.',
  };
}
