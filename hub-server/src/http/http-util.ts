import { DomainError, HTTP_STATUS, vi, type ApiError, type ErrorCode } from '@luot/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

export function sendError(res: ServerResponse, code: ErrorCode, status = HTTP_STATUS[code]): void {
  sendJson(res, status, { code, message: vi.errors[code] } satisfies ApiError);
}

/** Reads a JSON body of at most `limit` bytes; an empty body is `{}`. */
export async function readJson(req: IncomingMessage, limit = 1_000_000): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new DomainError('PAYLOAD_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('BAD_REQUEST', 'body is not JSON');
  }
}

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1] ?? null;
}

/**
 * A refusal as the REST body: `{code, message}`, and for one that passes with time (L2, L3, L5)
 * the wait in seconds and in Vietnamese words (`detail`), with the `Retry-After` header.
 */
export function sendRefusal(
  res: ServerResponse,
  refusal: {
    code: ErrorCode;
    message?: string;
    detail?: string;
    retryAfterSeconds?: number;
    fields?: { path: string; message: string }[];
  },
): void {
  const { code, detail, retryAfterSeconds, fields } = refusal;
  if (retryAfterSeconds !== undefined) res.setHeader('retry-after', String(retryAfterSeconds));
  sendJson(res, HTTP_STATUS[code], {
    code,
    message: refusal.message ?? vi.errors[code],
    ...(detail === undefined ? {} : { detail }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    ...(fields === undefined ? {} : { fields }),
  } satisfies ApiError);
}
