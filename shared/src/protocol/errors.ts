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
};

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
