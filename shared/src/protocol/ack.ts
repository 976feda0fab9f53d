import type { ErrorCode } from './errors';

/** The answer to every socket request. `message` is the Vietnamese text of `code`. */
export type Ack<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

/** The body of every REST error. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}
