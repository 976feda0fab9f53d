import {
  CentreSnapshot,
  DisplayState,
  Id,
  REQUEST_SCHEMAS,
  RESULT_SCHEMAS,
  type ErrorCode,
  type RequestInput,
  type RequestName,
  type RequestResult,
  type Role,
} from '@luot/shared';
import { z } from 'zod';
import type { RouteDoc, Summary } from './route-doc';

/** A REST route that is a thin door onto one action. */
export interface ActionRoute {
  method: 'GET' | 'POST' | 'PUT';
  path: RegExp;
  action: RequestName;
  /**
   * The roles the action admits. The dispatcher enforces the action's own list; this copy is what
   * the OpenAPI document says, and test/openapi.integration.test.ts checks that the two agree.
   */
  roles: readonly Role[];
  /** Builds the action's input from the path match and the JSON body. */
  input(match: RegExpExecArray, body: unknown, query: URLSearchParams): unknown;
  status?: number;
  /** The part of the action's result the route returns. */
  output?(data: never): unknown;
  doc: RouteDoc;
}

interface ActionRouteDef<K extends RequestName, O> {
  method: 'GET' | 'POST' | 'PUT';
  /** OpenAPI form; every `{param}` is a database id (digits) that fills the input key `params[param]`. */
  path: string;
  action: K;
  summary: Summary;
  roles: readonly Role[];
  params?: Record<string, keyof RequestInput<K> & string>;
  /**
   * The id each `{param}` shows in the document, and its test calls with: 1 unless said (an id
   * the demo does not have, where calling with 1 would act on a demo record the test needs).
   */
  paramExamples?: Record<string, number>;
  /** Where the rest of the input comes from: the JSON body, the query string, or a fixed value. */
  from?: 'body' | 'query' | { fixed: RequestInput<K> };
  /** A body or query that the action takes: shown in the document, and sent by its test. */
  example?: Record<string, unknown>;
  status?: number;
  /** When the route answers only part of the result: that part, and its schema. */
  output?: { schema: z.ZodType<O>; pick: (data: RequestResult<K>) => O };
  errors?: readonly ErrorCode[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const PARAM = /\{(\w+)\}/g;

/**
 * One action route from its OpenAPI path: the RegExp the server matches, the input builder and the
 * route's doc all come from the same declaration, so the document cannot say another path or
 * another input than the one served.
 */
function route<K extends RequestName, O = RequestResult<K>>(def: ActionRouteDef<K, O>): ActionRoute {
  const names = [...def.path.matchAll(PARAM)].map((m) => m[1] as string);
  const keys = names.map((n) => {
    const key = def.params?.[n];
    if (!key) throw new Error(`${def.path}: no input key for {${n}}`);
    return key;
  });
  const schema = REQUEST_SCHEMAS[def.action] as z.ZodType;
  // The part of the input that is not in the path: what the body or the query string carries.
  const pathKeys: Record<string, true> = Object.fromEntries(keys.map((k) => [k, true]));
  const rest = keys.length === 0 || !(schema instanceof z.ZodObject) ? schema : schema.omit(pathKeys);
  const restKeys = rest instanceof z.ZodObject ? Object.keys(rest.shape) : ['?'];
  const from = def.from;
  const example = def.example ? { example: def.example } : {};
  return {
    method: def.method,
    path: new RegExp(`^${def.path.replace(PARAM, '(\\d+)')}$`),
    action: def.action,
    roles: def.roles,
    status: def.status,
    input(match, body, query) {
      const given = from === 'body' ? body : from === 'query' ? Object.fromEntries(query) : from ? from.fixed : {};
      if (keys.length === 0) return given;
      // The path names the counter; the body may add ticketId, serviceId or credentials.
      const input: Record<string, unknown> = { ...(isObject(given) ? given : {}) };
      keys.forEach((key, i) => (input[key] = Number(match[i + 1])));
      return input;
    },
    ...(def.output ? { output: def.output.pick } : {}),
    doc: {
      path: def.path,
      summary: def.summary,
      params: Object.fromEntries(names.map((n) => [n, { schema: Id, example: def.paramExamples?.[n] ?? 1 }])),
      ...(from === 'query'
        ? { query: rest as z.ZodObject, ...(def.example ? { queryExample: def.example } : {}) }
        : {}),
      ...(from === 'body' && restKeys.length > 0
        ? { body: { content: { 'application/json': rest }, required: !rest.safeParse({}).success, ...example } }
        : {}),
      response: {
        status: def.status ?? 200,
        content: { 'application/json': def.output?.schema ?? RESULT_SCHEMAS[def.action] },
      },
      // Input from the request is validated (zod) before anything runs: BAD_REQUEST when it does not parse.
      errors: [
        ...(names.length > 0 || from === 'body' || from === 'query' ? ['BAD_REQUEST' as const] : []),
        ...(def.errors ?? []),
      ],
    },
  };
}

const COUNTER_ROLES = ['counter', 'admin'] as const;
/** What an action on the counter's current ticket may answer (an out-of-date screen: STALE_TICKET). */
const ON_CURRENT: readonly ErrorCode[] = [
  'COUNTER_NOT_FOUND',
  'NO_CURRENT_TICKET',
  'ACTION_OUT_OF_ORDER',
  'STALE_TICKET',
  'TICKET_NOT_FOUND',
];
/** Calling one waiting number out of order, or a no-show back: same body, same refusals. */
const CALL_ONE_NUMBER = {
  example: { number: 1005 },
  errors: [
    'COUNTER_NOT_FOUND',
    'OFFICER_REQUIRED',
    'COUNTER_PAUSED',
    'COUNTER_BUSY',
    'TICKET_NOT_FOUND',
    'SERVICE_NOT_AT_COUNTER',
    'ACTION_OUT_OF_ORDER',
  ] satisfies ErrorCode[],
};
const counterPath = <K extends RequestName>(
  verb: string,
  action: K,
  summary: Summary,
  more: Partial<ActionRouteDef<K, RequestResult<K>>> = {},
) =>
  route<K>({
    method: 'POST',
    path: `/api/counters/{id}/${verb}`,
    action,
    summary,
    roles: COUNTER_ROLES,
    params: { id: 'counterId' as keyof RequestInput<K> & string },
    from: 'body',
    ...more,
  });

export const ACTION_ROUTES: ActionRoute[] = [
  route({
    method: 'GET',
    path: '/api/services',
    action: 'centre:get',
    summary: { vi: 'Danh sách dịch vụ và số người đang chờ', en: 'Services and how many wait for each' },
    roles: ['kiosk', 'counter', 'display', 'admin'],
    output: {
      schema: CentreSnapshot.pick({ services: true, queues: true }),
      pick: (d) => ({ services: d.services, queues: d.queues }),
    },
  }),
  route({
    method: 'GET',
    path: '/api/counters',
    action: 'centre:get',
    summary: { vi: 'Các quầy: trạng thái, số đang phục vụ, cán bộ', en: 'Counters: state, current ticket, officer' },
    roles: ['kiosk', 'counter', 'display', 'admin'],
    output: { schema: CentreSnapshot.pick({ counters: true }), pick: (d) => ({ counters: d.counters }) },
  }),
  route({
    method: 'POST',
    path: '/api/tickets',
    action: 'ticket:issue',
    summary: { vi: 'Lấy số thứ tự', en: 'Issue a ticket' },
    roles: ['kiosk', 'admin'],
    from: 'body',
    example: { serviceId: 1 },
    status: 201,
    errors: [
      'SERVICE_NOT_FOUND',
      'PRIORITY_UNKNOWN',
      'SERVICE_CLOSED',
      'SERVICE_DAILY_CAP',
      'BLOCK_EXHAUSTED',
      'RATE_LIMITED',
    ],
  }),
  route({
    method: 'POST',
    path: '/api/tickets/{id}/cancel',
    action: 'ticket:cancel',
    summary: {
      vi: 'Huỷ một số thứ tự đang chờ hoặc đã gọi (kèm lý do)',
      en: 'Cancel a waiting or called ticket (with a reason)',
    },
    roles: ['admin'],
    params: { id: 'ticketId' },
    from: 'body',
    example: { reason: 'Công dân đã rời trung tâm' },
    errors: ['TICKET_NOT_FOUND', 'ACTION_OUT_OF_ORDER'],
  }),
  route({
    method: 'POST',
    path: '/api/services/{id}/cancel-waiting',
    action: 'service:cancelWaiting',
    summary: {
      vi: 'Huỷ mọi số đang chờ của một dịch vụ (kèm lý do)',
      en: 'Cancel every waiting ticket of a service (with a reason)',
    },
    roles: ['admin'],
    params: { id: 'serviceId' },
    from: 'body',
    example: { reason: 'Dịch vụ tạm ngừng do sự cố hệ thống' },
    errors: ['SERVICE_NOT_FOUND'],
  }),
  counterPath(
    'call-next',
    'counter:callNext',
    { vi: 'Gọi số tiếp theo', en: 'Call the next ticket' },
    {
      example: { resolve: 'served' },
      errors: [
        'COUNTER_NOT_FOUND',
        'OFFICER_REQUIRED',
        'COUNTER_PAUSED',
        'CURRENT_NOT_RESOLVED',
        'NO_SHOW_TOO_EARLY',
        'QUEUE_EMPTY',
      ],
    },
  ),
  counterPath(
    'call-number',
    'counter:callNumber',
    { vi: 'Gọi một số đang chờ (không theo thứ tự)', en: 'Call one waiting number out of order' },
    CALL_ONE_NUMBER,
  ),
  counterPath(
    'recall-no-show',
    'counter:recallNoShow',
    { vi: 'Gọi lại công dân đã bị đánh dấu vắng mặt', en: 'Call a no-show who came back' },
    CALL_ONE_NUMBER,
  ),
  counterPath(
    'recall',
    'counter:recall',
    { vi: 'Gọi lại số hiện tại', en: 'Call the current ticket again' },
    { errors: [...ON_CURRENT, 'OFFICER_REQUIRED'] },
  ),
  counterPath(
    'start',
    'counter:start',
    { vi: 'Bắt đầu phục vụ', en: 'Start serving the current ticket' },
    { errors: ON_CURRENT },
  ),
  counterPath(
    'finish',
    'counter:finish',
    { vi: 'Hoàn thành', en: 'Finish the current ticket' },
    { errors: ON_CURRENT },
  ),
  counterPath(
    'no-show',
    'counter:noShow',
    { vi: 'Công dân vắng mặt', en: 'Mark the current ticket a no-show' },
    { errors: [...ON_CURRENT, 'NO_SHOW_TOO_EARLY'] },
  ),
  counterPath(
    'transfer',
    'counter:transfer',
    { vi: 'Chuyển sang dịch vụ khác', en: 'Transfer the current ticket to another service' },
    {
      example: { serviceId: 2 },
      errors: [...ON_CURRENT, 'SERVICE_NOT_FOUND', 'OFFICER_REQUIRED'],
    },
  ),
  counterPath(
    'pause',
    'counter:pause',
    { vi: 'Tạm dừng quầy', en: 'Pause the counter' },
    { errors: ['COUNTER_NOT_FOUND', 'ACTION_OUT_OF_ORDER'] },
  ),
  counterPath(
    'resume',
    'counter:resume',
    { vi: 'Mở lại quầy', en: 'Resume the counter' },
    { errors: ['COUNTER_NOT_FOUND', 'ACTION_OUT_OF_ORDER'] },
  ),
  counterPath(
    'sign-in',
    'officer:signIn',
    { vi: 'Cán bộ đăng nhập quầy', en: 'An officer signs in at the counter' },
    {
      example: { name: 'Nguyễn Văn An', pin: '1234' },
      errors: [
        'COUNTER_NOT_FOUND',
        'OFFICER_BAD_CREDENTIALS',
        'COUNTER_TAKEN',
        'OFFICER_AT_OTHER_COUNTER',
        'COUNTER_BUSY',
        'OFFICER_LOCKED',
      ],
    },
  ),
  counterPath(
    'sign-out',
    'officer:signOut',
    { vi: 'Cán bộ rời quầy', en: 'The officer signs out' },
    {
      errors: ['COUNTER_NOT_FOUND', 'OFFICER_REQUIRED', 'COUNTER_BUSY'],
    },
  ),
  route({
    method: 'GET',
    path: '/api/counters/{id}',
    action: 'counter:view',
    summary: {
      vi: 'Màn hình quầy: quầy, các số kế tiếp, hàng chờ',
      en: "A counter's screen: the counter, who is next, the queues",
    },
    roles: COUNTER_ROLES,
    params: { id: 'counterId' },
    errors: ['COUNTER_NOT_FOUND'],
  }),
  route({
    method: 'GET',
    path: '/api/reports/queue',
    action: 'report:queue',
    summary: {
      vi: 'Báo cáo hàng chờ theo dịch vụ, quầy hoặc cán bộ',
      en: 'Queue report by service, counter or officer',
    },
    roles: ['admin'],
    from: 'query',
    example: { from: '2024-01-01', to: '2024-12-31', groupBy: 'service' },
  }),
  route({
    method: 'GET',
    path: '/api/display/state',
    action: 'display:sync',
    summary: {
      vi: 'Trạng thái màn hình sảnh: quầy và các lượt gọi gần nhất',
      en: 'The wall now: counters and the last calls',
    },
    roles: ['display', 'admin'],
    from: { fixed: { afterSeq: 0 } },
    output: { schema: DisplayState, pick: (d) => d.state },
  }),
  route({
    method: 'GET',
    path: '/api/devices',
    action: 'device:list',
    summary: { vi: 'Danh sách thiết bị (không bao giờ kèm mã truy cập)', en: 'Devices (never their tokens)' },
    roles: ['admin'],
  }),
  route({
    method: 'POST',
    path: '/api/devices/{id}/revoke',
    action: 'device:revoke',
    summary: { vi: 'Thu hồi mã truy cập của một thiết bị', en: "Revoke a device's token" },
    roles: ['admin'],
    params: { id: 'deviceId' },
    // Not device 1: the example would revoke the demo kiosk.
    paramExamples: { id: 9999 },
    errors: ['DEVICE_NOT_FOUND', 'DEVICE_SELF_REVOKE'],
  }),
  route({
    method: 'GET',
    path: '/api/setup',
    action: 'setup:get',
    summary: { vi: 'Thiết lập của trung tâm (một tài liệu)', en: "The centre's setup (one document)" },
    roles: ['admin'],
  }),
  route({
    method: 'PUT',
    path: '/api/setup',
    action: 'setup:apply',
    summary: {
      vi: 'Áp dụng thiết lập của trung tâm: chỉ thay đổi phần khác biệt, hoặc không thay đổi gì',
      en: "Apply the centre's setup: only what differs changes, or nothing does",
    },
    roles: ['admin'],
    from: 'body',
    // A dry run of a document that is not one: refused with every field, nothing changed.
    example: { setup: { format: 'luot-setup/1' }, dryRun: true },
    errors: ['SETUP_INVALID', 'SERVICE_HAS_WAITING', 'COUNTER_BUSY'],
  }),
  route({
    method: 'GET',
    path: '/api/officers',
    action: 'officer:list',
    summary: { vi: 'Danh sách cán bộ (không kèm mã PIN)', en: 'Officers (never their PINs)' },
    roles: ['admin'],
  }),
  route({
    method: 'POST',
    path: '/api/officers/{id}/pin',
    action: 'officer:resetPin',
    summary: { vi: 'Đặt lại mã PIN của cán bộ', en: "Reset an officer's PIN" },
    roles: ['admin'],
    params: { id: 'officerId' },
    from: 'body',
    example: { pin: '1234' },
    errors: ['NOT_FOUND'],
  }),
  route({
    method: 'GET',
    path: '/api/audit',
    action: 'audit:list',
    summary: { vi: 'Nhật ký thay đổi của quản trị', en: 'Audit log of admin changes' },
    roles: ['admin'],
    from: { fixed: {} },
  }),
  route({
    method: 'GET',
    path: '/api/voice',
    action: 'voice:list',
    summary: {
      vi: 'Giọng ghi âm của trung tâm: các từ cần ghi, đã ghi chưa, đang dùng chưa',
      en: "The centre's recorded voice: the words needed, which are recorded, whether it is in use",
    },
    roles: ['admin'],
  }),
  route({
    method: 'GET',
    path: '/api/dossier-source',
    action: 'dossierSource:get',
    summary: {
      vi: 'Nguồn hồ sơ tự động (mã truy cập được che) và kết quả lần lấy gần nhất',
      en: 'The scheduled dossier source (its header value masked) and the last pull',
    },
    roles: ['admin'],
  }),
  route({
    method: 'POST',
    path: '/api/dossier-source',
    action: 'dossierSource:set',
    summary: { vi: 'Đặt nguồn hồ sơ tự động (null: xoá)', en: 'Set the scheduled dossier source (null: remove it)' },
    roles: ['admin'],
    from: 'body',
    example: {
      source: {
        url: 'http://127.0.0.1:9/ho-so.csv',
        format: 'csv',
        header: { name: 'Authorization', value: 'Bearer ma-truy-cap' },
        everyMinutes: 60,
        enabled: false,
      },
    },
  }),
  route({
    method: 'POST',
    path: '/api/dossier-source/pull',
    action: 'dossierSource:pullNow',
    summary: {
      vi: 'Lấy hồ sơ từ nguồn ngay (kết quả đọc lại bằng GET /api/dossier-source)',
      en: 'Pull the dossier source now (read the result with GET /api/dossier-source)',
    },
    roles: ['admin'],
    // No source configured yet.
    errors: ['BAD_REQUEST'],
  }),
  route({
    method: 'PUT',
    path: '/api/procedures',
    action: 'procedure:save',
    summary: {
      vi: 'Lưu một thủ tục (thêm mới, hoặc thay thủ tục cùng mã); lỗi theo từng trường',
      en: 'Save one procedure (new, or replacing the one with its code); refusals name each field',
    },
    roles: ['admin'],
    from: 'body',
    example: {
      procedure: {
        code: 'X.000002',
        name: 'Thủ tục mẫu',
        field: 'Hộ tịch',
        level: 'commune',
        fees: 'Miễn lệ phí',
        documents: ['Tờ khai'],
        forms: ['Tờ khai — https://example.gov.vn/to-khai.docx'],
      },
    },
  }),
  route({
    method: 'POST',
    path: '/api/procedures/delete',
    action: 'procedure:delete',
    summary: { vi: 'Xoá một thủ tục khỏi danh mục', en: 'Delete one procedure from the catalogue' },
    roles: ['admin'],
    from: 'body',
    // The procedure PUT /api/procedures's example saved (documented before it), not a demo one.
    example: { code: 'X.000002' },
    errors: ['NOT_FOUND'],
  }),
];
