import type { ErrorCode, Role } from '@luot/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Device } from '../features/devices/device-repository';

/** What a route is and what GET /api/openapi.json says of it: the types the route tables and the document share. */
export interface Summary {
  vi: string;
  en: string;
}

/** What goes over the wire in one content type; null for bytes the document does not describe (audio, a page). */
export type Content = Record<string, z.ZodType | null>;

/** The documentation of one route: what the OpenAPI document says of it. */
export interface RouteDoc {
  /** The path in OpenAPI form: `{name}` for each group the route's RegExp captures, in order. */
  path: string;
  summary: Summary;
  /** Path parameters, with a value the document shows and the tests call the route with. */
  params?: Record<string, { schema: z.ZodType; example: string | number }>;
  /** Query parameters: one per key of the object. */
  query?: z.ZodObject;
  queryExample?: Record<string, unknown>;
  /** The request body; required unless said (a body whose every field is optional may be left out). */
  body?: { content: Content; example?: unknown; required?: boolean };
  /** The answer when all goes well (200 unless said). */
  response: { status?: number; content: Content; description?: Summary };
  /** Answers that are neither the success nor a JSON error (the phone page's 404 is a page too). */
  otherResponses?: Record<number, { content: Content; description: Summary }>;
  /** Error codes worth naming, listed under their HTTP status; 401/403 are added for routes with roles. */
  errors?: readonly ErrorCode[];
  /** The error body when it says more than {code, message} (an import's `detail`). */
  errorSchema?: z.ZodType;
}

/** A route with its own body handling (file uploads, public pages, audio). */
export interface RawRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: RegExp;
  /** Roles allowed, or 'public' for routes a citizen's phone opens without a token. */
  roles: readonly Role[] | 'public';
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    match: RegExpExecArray,
    device: Device | null,
  ): Promise<void> | void;
  /** What GET /api/openapi.json says of the route (see http/openapi.ts). */
  doc: RouteDoc;
}
