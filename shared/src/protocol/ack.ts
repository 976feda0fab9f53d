import type { ErrorCode } from './errors';
import type { FieldProblem } from '../model/setup';

/**
 * The answer to every socket request. `message` is the Vietnamese text of `code`; a refusal that
 * passes with time (RATE_LIMITED, OFFICER_LOCKED) also says how long to wait (L2, L3).
 */
export type Ack<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      detail?: string;
      retryAfterSeconds?: number;
      /** SETUP_INVALID: every wrong field, with its Vietnamese message (C2). */
      fields?: FieldProblem[];
    };
