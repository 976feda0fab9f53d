import {
  AdminSignInInput,
  AdminToken,
  type ApiError,
  ExplainedError,
  FirstStartInput,
  HTTP_STATUS,
  Paired,
  PairInput,
  retryAfterText,
  SetupStatus,
  vi,
  type Clock,
} from '@luot/shared';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { RawRoute } from '../../http/http-server';
import type { Notifier } from '../../realtime/notifier';
import { readJson, sendError, sendJson, sendRefusal } from '../../http/http-util';
import { createAddressLimit, type AddressLimit } from '../limits/address-limit';
import { secondsOf } from '../limits/limit-actions';
import { createLockout, type LockoutPolicy } from '../limits/lockout';
import type { RatePolicy } from '../limits/token-bucket';
import type { AdminAccess } from './admin-access';

/** G6, G7, C1: requests per client address to the public doors (a person types a code or a password). */
export const ADMIN_ACCESS_RATE: RatePolicy = { perMinute: 10, burst: 10 };

/** The status takes no query (H6). */
const NoQuery = z.strictObject({});

/** Bodies are small: a code, a password, a centre's name. */
const BODY_LIMIT = 16_384;

export interface AdminAccessRouteDeps {
  access: AdminAccess;
  clock: Clock;
  logger: Logger;
  /** G7: failed passwords lock the address as failed PINs lock a device (L3's policy). */
  lockout: LockoutPolicy;
  maxKeys?: number;
  /** C8: screens already connected (a centre applied before) re-read its new name. */
  notify: Pick<Notifier, 'centreChanged'>;
}

const address = (req: IncomingMessage): string => req.socket.remoteAddress ?? 'unknown';

/** C1: a refused first start, one Vietnamese line per wrong field (ApiError's `fields`). */
function fieldErrors(error: z.ZodError): NonNullable<ApiError['fields']> {
  const f = vi.pairing.fields;
  const lines = new Map<string, string>();
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key !== 'string' || lines.has(key)) continue;
    if (key === 'password') lines.set(key, issue.code === 'too_big' ? f.passwordLong : f.passwordShort);
    else if (key === 'name') lines.set(key, issue.code === 'too_big' ? f.nameLong : f.nameRequired);
    else if (key === 'level') lines.set(key, f.levelRequired);
    else if (key === 'address') lines.set(key, f.addressLong);
  }
  return [...lines].map(([path, message]) => ({ path, message }));
}

/**
 * The doors of a hub for devices without a token (C1, G6, G7): whether the centre is set up, its
 * first start, the admin's sign-in with the password, a device's pairing with a code. Public, each
 * limited per client address (L5's limiter); a wrong password also counts towards a lock-out.
 */
export function adminAccessRoutes(deps: AdminAccessRouteDeps): RawRoute[] {
  const { access, clock, logger } = deps;
  // Made on first use: the route table of the OpenAPI document builds these routes without a hub.
  const lazy = <T>(make: () => T): (() => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };
  const limit = (name: string): (() => AddressLimit) =>
    lazy(() => createAddressLimit(name, ADMIN_ACCESS_RATE, { clock, logger, maxKeys: deps.maxKeys }));
  const firstStartLimit = limit('firstStart');
  const signInLimit = limit('adminSignIn');
  const pairLimit = limit('pair');
  const lockoutOf = lazy(() => createLockout(deps.lockout, clock, { maxKeys: deps.maxKeys }));

  return [
    {
      method: 'GET',
      path: /^\/api\/setup\/status$/,
      roles: 'public',
      doc: {
        path: '/api/setup/status',
        summary: {
          vi: 'Trung tâm đã được thiết lập chưa (cho thiết bị chưa có mã)',
          en: 'Whether the centre is set up (for devices without a token)',
        },
        query: NoQuery,
        response: { content: { 'application/json': SetupStatus } },
        errors: ['BAD_REQUEST'],
      },
      handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://hub');
        if (!NoQuery.safeParse(Object.fromEntries(url.searchParams)).success) return sendError(res, 'BAD_REQUEST');
        sendJson(res, 200, access.status());
      },
    },
    {
      method: 'POST',
      path: /^\/api\/setup\/first-start$/,
      roles: 'public',
      doc: {
        path: '/api/setup/first-start',
        summary: {
          vi: 'Thiết lập lần đầu: mật khẩu quản trị và trung tâm; trả mã quản trị cho trình duyệt',
          en: 'First start: the admin password and the centre; answers an admin token for the browser',
        },
        body: {
          content: { 'application/json': FirstStartInput },
          example: {
            password: 'mat-khau-quan-tri-2026',
            name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
            level: 'province',
            address: 'Số 11 đường Lý Thái Tổ, phường Suối Hoa, tỉnh Bắc Ninh',
          },
        },
        response: { content: { 'application/json': AdminToken } },
        errors: ['BAD_REQUEST', 'ALREADY_SET_UP', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE'],
      },
      async handle(req, res) {
        if (firstStartLimit().refuse(req, res)) return;
        const body = await readJson(req, BODY_LIMIT);
        if (access.isSetUp()) return sendError(res, 'ALREADY_SET_UP');
        const parsed = FirstStartInput.safeParse(body);
        if (!parsed.success) {
          const fields = fieldErrors(parsed.error);
          return sendJson(res, HTTP_STATUS.BAD_REQUEST, {
            code: 'BAD_REQUEST',
            message: vi.errors.BAD_REQUEST,
            ...(fields.length > 0 ? { fields } : {}),
          } satisfies ApiError);
        }
        const done = access.firstStart(parsed.data);
        logger.info({ address: address(req) }, 'first start: centre set up');
        sendJson(res, 200, done);
        deps.notify.centreChanged();
      },
    },
    {
      method: 'POST',
      path: /^\/api\/admin\/sign-in$/,
      roles: 'public',
      doc: {
        path: '/api/admin/sign-in',
        summary: {
          vi: 'Đăng nhập quản trị bằng mật khẩu; trả mã quản trị cho trình duyệt',
          en: 'Admin sign-in with the password; answers an admin token for the browser',
        },
        body: { content: { 'application/json': AdminSignInInput }, example: { password: 'mat-khau-quan-tri-2026' } },
        response: { content: { 'application/json': AdminToken } },
        errors: ['BAD_REQUEST', 'ADMIN_BAD_PASSWORD', 'NOT_SET_UP', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE'],
      },
      async handle(req, res) {
        if (signInLimit().refuse(req, res)) return;
        const parsed = AdminSignInInput.safeParse(await readJson(req, BODY_LIMIT));
        if (!parsed.success) return sendError(res, 'BAD_REQUEST');
        if (!access.isSetUp()) return sendError(res, 'NOT_SET_UP');
        const key = address(req);
        const lockout = lockoutOf();
        const locked = (ms: number) => {
          const retryAfterSeconds = secondsOf(ms);
          sendRefusal(res, {
            code: 'RATE_LIMITED',
            message: vi.pairing.adminLocked,
            detail: retryAfterText(retryAfterSeconds),
            retryAfterSeconds,
          });
        };
        // G7: while the address is locked the password is not even checked.
        const waitMs = lockout.lockedFor(key);
        if (waitMs > 0) return locked(waitMs);
        const done = access.signIn(parsed.data.password);
        if (done) {
          lockout.succeed(key);
          logger.info({ address: key }, 'admin signed in with the password');
          return sendJson(res, 200, done);
        }
        // G5: the address, never what was typed.
        logger.warn({ address: key }, 'admin sign-in failed');
        const lockMs = lockout.fail(key);
        if (lockMs === 0) return sendError(res, 'ADMIN_BAD_PASSWORD');
        logger.warn({ address: key, seconds: secondsOf(lockMs) }, 'admin sign-in locked');
        locked(lockMs);
      },
    },
    {
      method: 'POST',
      path: /^\/api\/pair$/,
      roles: 'public',
      doc: {
        path: '/api/pair',
        summary: {
          vi: 'Ghép nối thiết bị bằng mã 6 chữ số; trả mã truy cập của thiết bị',
          en: "Pair a device with its 6-digit code; answers the device's token",
        },
        body: { content: { 'application/json': PairInput }, example: { code: '123456', app: 'kiosk' } },
        response: { content: { 'application/json': Paired } },
        errors: ['BAD_REQUEST', 'PAIRING_CODE_INVALID', 'NOT_SET_UP', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE'],
      },
      async handle(req, res) {
        // G6: six digits are few: one address may try only so many.
        if (pairLimit().refuse(req, res)) return;
        const parsed = PairInput.safeParse(await readJson(req, BODY_LIMIT));
        if (!parsed.success) return sendError(res, 'BAD_REQUEST');
        let paired;
        try {
          paired = access.pair(parsed.data);
        } catch (e) {
          // A code of another kind of device: said in words, the code left usable.
          if (e instanceof ExplainedError) return sendRefusal(res, { code: e.code, message: e.explanation });
          throw e;
        }
        logger.info({ address: address(req), role: paired.role }, 'device paired with a code');
        sendJson(res, 200, paired);
      },
    },
  ];
}
