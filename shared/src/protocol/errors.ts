import { z } from 'zod';
import { DossierImportColumns } from './dossier-results';

/** Every error the hub can answer with. Each code has a Vietnamese text in i18n/vi.ts. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INTERNAL',
  'SERVICE_NOT_FOUND',
  'COUNTER_NOT_FOUND',
  'TICKET_NOT_FOUND',
  'PRIORITY_UNKNOWN',
  'BLOCK_EXHAUSTED',
  'QUEUE_EMPTY',
  'COUNTER_PAUSED',
  'COUNTER_BUSY',
  'NO_CURRENT_TICKET',
  'ACTION_OUT_OF_ORDER',
  'STALE_TICKET',
  'SERVICE_NOT_AT_COUNTER',
  'OFFICER_REQUIRED',
  'OFFICER_BAD_CREDENTIALS',
  'COUNTER_TAKEN',
  'DOSSIER_NOT_FOUND',
  'IMPORT_INVALID',
  'PAYLOAD_TOO_LARGE',
  'IMPORT_FORMAT',
  'IMPORT_ENCODING',
  'IMPORT_EMPTY',
  'IMPORT_COLUMNS',
  'IMPORT_UNKNOWN_COLUMNS',
  'IMPORT_TOO_MANY_REJECTED',
  'PERIOD_INVALID',
  'CALENDAR_INVALID',
  'PRINTER_PAPER_OUT',
  'PRINTER_COVER_OPEN',
  'PRINTER_OFFLINE',
  'PRINTER_UNREACHABLE',
  'SPEECH_BUSY',
  'DB_BUSY',
  'DISK_FULL',
  'DEVICE_NOT_FOUND',
  'DEVICE_SELF_REVOKE',
  'RATE_LIMITED',
  'OFFICER_LOCKED',
  'OFFICER_AT_OTHER_COUNTER',
  'CURRENT_NOT_RESOLVED',
  'NO_SHOW_TOO_EARLY',
  'SERVICE_CLOSED',
  'SERVICE_DAILY_CAP',
  'BACKUP_FAILED',
  'SETUP_INVALID',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'ADMIN_BAD_PASSWORD',
  'PAIRING_CODE_INVALID',
  'OFFICER_DISABLED',
  'SERVICE_HAS_WAITING',
  'VOICE_CLIP_INVALID',
  'DOSSIER_SOURCE_FAILED',
  'NOTHING_TO_RATE',
  'RATING_DONE',
  'RATING_CLOSED',
  'NO_LOGO',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each error code on the REST edge. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INTERNAL: 500,
  SERVICE_NOT_FOUND: 404,
  COUNTER_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  PRIORITY_UNKNOWN: 400,
  BLOCK_EXHAUSTED: 409,
  QUEUE_EMPTY: 409,
  COUNTER_PAUSED: 409,
  COUNTER_BUSY: 409,
  NO_CURRENT_TICKET: 409,
  ACTION_OUT_OF_ORDER: 409,
  STALE_TICKET: 409,
  SERVICE_NOT_AT_COUNTER: 400,
  OFFICER_REQUIRED: 403,
  OFFICER_BAD_CREDENTIALS: 401,
  COUNTER_TAKEN: 409,
  DOSSIER_NOT_FOUND: 404,
  IMPORT_INVALID: 400,
  PAYLOAD_TOO_LARGE: 413,
  IMPORT_FORMAT: 415,
  IMPORT_ENCODING: 400,
  IMPORT_EMPTY: 400,
  IMPORT_COLUMNS: 400,
  IMPORT_UNKNOWN_COLUMNS: 400,
  IMPORT_TOO_MANY_REJECTED: 400,
  PERIOD_INVALID: 400,
  CALENDAR_INVALID: 400,
  PRINTER_PAPER_OUT: 503,
  PRINTER_COVER_OPEN: 503,
  PRINTER_OFFLINE: 503,
  PRINTER_UNREACHABLE: 503,
  SPEECH_BUSY: 503,
  DB_BUSY: 503,
  DISK_FULL: 507,
  DEVICE_NOT_FOUND: 404,
  DEVICE_SELF_REVOKE: 409,
  RATE_LIMITED: 429,
  OFFICER_LOCKED: 429,
  OFFICER_AT_OTHER_COUNTER: 409,
  CURRENT_NOT_RESOLVED: 409,
  NO_SHOW_TOO_EARLY: 409,
  SERVICE_CLOSED: 409,
  SERVICE_DAILY_CAP: 409,
  BACKUP_FAILED: 500,
  SETUP_INVALID: 422,
  NOT_SET_UP: 409,
  ALREADY_SET_UP: 409,
  ADMIN_BAD_PASSWORD: 401,
  PAIRING_CODE_INVALID: 400,
  OFFICER_DISABLED: 403,
  SERVICE_HAS_WAITING: 409,
  VOICE_CLIP_INVALID: 400,
  DOSSIER_SOURCE_FAILED: 502,
  NOTHING_TO_RATE: 409,
  RATING_DONE: 409,
  RATING_CLOSED: 409,
  NO_LOGO: 404,
};

/**
 * The body of every REST error: the code, and its Vietnamese text (i18n/vi.ts). A refusal that
 * passes with time (RATE_LIMITED, OFFICER_LOCKED; L2, L3, L5) also says how long to wait, in
 * seconds and in Vietnamese words (`detail`), as the `Retry-After` header does.
 */
export const ApiError = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  detail: z.string().optional(),
  retryAfterSeconds: z.number().int().positive().optional(),
  /** SETUP_INVALID: every wrong field of the setup document, with its Vietnamese message (C2). */
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/**
 * A refused dossier import also says where the file is wrong (line, column, encoding), in Vietnamese,
 * and, when its headings were the fault (IMPORT_COLUMNS, IMPORT_UNKNOWN_COLUMNS), how they were read (D17).
 */
export const ImportApiError = ApiError.extend({
  detail: z.string().nullable(),
  columns: DossierImportColumns.optional(),
});
export type ImportApiError = z.infer<typeof ImportApiError>;

/** A failure a service raises; the edge turns it into an Ack or a REST error. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DomainError';
  }
}

/**
 * A refusal that says more than its code, in Vietnamese, as the answer's `detail`: which counter the
 * officer is signed in at (Q18), how long before a no-show may be marked (Q20), when a service opens
 * next (Q23).
 */
export class ExplainedError extends DomainError {
  constructor(
    code: ErrorCode,
    /** Vietnamese, shown to the person as it is. */
    readonly explanation: string,
  ) {
    super(code, explanation);
    this.name = 'ExplainedError';
  }
}

/** A refusal that passes with time (L2, L3, L5): the edge answers the wait with it. */
export class RetryLaterError extends DomainError {
  constructor(
    code: 'RATE_LIMITED' | 'OFFICER_LOCKED',
    /** Whole seconds, at least 1. */
    readonly retryAfterSeconds: number,
  ) {
    super(code, `retry after ${retryAfterSeconds} s`);
    this.name = 'RetryLaterError';
  }
}
