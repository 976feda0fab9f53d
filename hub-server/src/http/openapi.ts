/**
 * `GET /api/openapi.json`: the REST edge as an OpenAPI 3.1 document, built from the route tables
 * (ACTION_ROUTES and the raw routes' `doc`) and the zod schemas of the wire contract
 * (shared/src/protocol): no schema is written by hand here.
 *
 * Generator: zod 4's own `z.toJSONSchema`, not @asteasolutions/zod-to-openapi. OpenAPI 3.1 schemas
 * are JSON Schema 2020-12, which `z.toJSONSchema` emits as it stands (`io: 'input'` for what a
 * client sends, `'output'` for what it gets), from the zod that parses the requests, so it cannot
 * fall behind it. What zod-to-openapi adds on top — paths, parameters, security, components — is
 * the walk over our own route tables below, which has to be written either way; it would also
 * want `extendZodWithOpenApi` or a registry of its own around the shared schemas.
 */
import * as shared from '@luot/shared';
import { ApiError, HTTP_STATUS, vi, type ErrorCode, type Role } from '@luot/shared';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { Content, RawRoute, RouteDoc, Summary } from './route-doc';
import { ACTION_ROUTES } from './routes';

export const OPENAPI_PATH = '/api/openapi.json';

/** A JSON object of the document: its shape is checked by an OpenAPI validator in the tests, not by types. */
type Json = Record<string, unknown>;
export interface OpenApiDocument extends Json {
  openapi: '3.1.0';
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
}

/** Vietnamese for the centre's staff, English for outside integrators. */
/** One route as the document lists it, whichever table it comes from. */
export interface DocumentedRoute extends RouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The RegExp the server matches; the path with the examples filled in must match it. */
  pattern: RegExp;
  roles: readonly Role[] | 'public';
}

const OPENAPI_ROUTE: DocumentedRoute = {
  method: 'GET',
  pattern: /^\/api\/openapi\.json$/,
  roles: 'public',
  path: OPENAPI_PATH,
  summary: { vi: 'Tài liệu OpenAPI 3.1 của API này', en: 'This OpenAPI 3.1 document' },
  response: {
    content: {
      'application/json': z.looseObject({
        openapi: z.string(),
        info: z.looseObject({}),
        paths: z.record(z.string(), z.unknown()),
      }),
    },
  },
};

/** Every route the HTTP server answers under /api and /t, given the raw routes it was built with. */
export function documentedRoutes(rawRoutes: readonly RawRoute[]): DocumentedRoute[] {
  return [
    OPENAPI_ROUTE,
    ...ACTION_ROUTES.map((r): DocumentedRoute => ({ ...r.doc, method: r.method, pattern: r.path, roles: r.roles })),
    ...rawRoutes.map((r): DocumentedRoute => ({ ...r.doc, method: r.method, pattern: r.path, roles: r.roles })),
  ];
}

const served = new WeakMap<readonly RawRoute[], OpenApiDocument>();

/** The document of a server's routes, built on first request (it does not change while the hub runs). */
export function openApiDocumentOf(rawRoutes: readonly RawRoute[]): OpenApiDocument {
  let doc = served.get(rawRoutes);
  if (!doc) served.set(rawRoutes, (doc = openApiDocument(rawRoutes)));
  return doc;
}

export function openApiDocument(rawRoutes: readonly RawRoute[]): OpenApiDocument {
  const components = new Components();
  const paths: OpenApiDocument['paths'] = {};
  for (const route of documentedRoutes(rawRoutes)) {
    const item = (paths[route.path] ??= {});
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    if (item[method]) throw new Error(`${route.method} ${route.path} is documented twice`);
    item[method] = operation(route, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lượt hub API',
      version: '1',
      description:
        'API REST của máy chủ Lượt tại trung tâm phục vụ hành chính công. Mỗi thiết bị gửi mã của nó: ' +
        '`Authorization: Bearer <mã>` (luot token create); vai trò của mã quyết định nó được gọi gì. ' +
        'Lỗi luôn có `code` và `message` (ApiError), `message` bằng tiếng Việt.\n\n' +
        "The REST API of a Lượt hub. Each device sends its token as a bearer token; the token's role " +
        '(kiosk, counter, display, admin) decides what it may call, and the roles an operation admits are ' +
        'listed in its security requirement. Errors always carry `code` and `message` (ApiError).',
    },
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        deviceToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'Mã thiết bị (luot token create) / A device token',
        },
      },
    },
  };
}

const summaryText = (s: Summary): string => `${s.vi} / ${s.en}`;

function operation(route: DocumentedRoute, components: Components): Json {
  const parameters: Json[] = Object.entries(route.params ?? {}).map(([name, p]) => ({
    name,
    in: 'path',
    required: true,
    schema: components.schema(p.schema, 'input'),
    example: p.example,
  }));
  const query: Record<string, z.ZodType> = route.query?.shape ?? {};
  for (const [name, field] of Object.entries(query)) {
    const example = route.queryExample?.[name];
    parameters.push({
      name,
      in: 'query',
      // Left out, the value is absent: a parameter is required unless its schema takes that (optional, default).
      required: !field.safeParse(undefined).success,
      schema: components.schema(field, 'input'),
      ...(example === undefined ? {} : { example }),
    });
  }

  const responses: Record<string, Json> = {
    [String(route.response.status ?? 200)]: {
      description: route.response.description ? summaryText(route.response.description) : 'OK',
      content: components.content(route.response.content, 'output'),
    },
  };
  for (const [status, other] of Object.entries(route.otherResponses ?? {})) {
    responses[status] = {
      description: summaryText(other.description),
      content: components.content(other.content, 'output'),
    };
  }
  const errorBody = components.schema(route.errorSchema ?? ApiError, 'output');
  const plainError = components.schema(ApiError, 'output');
  const codes: [ErrorCode, Json][] = [
    ...(route.roles === 'public'
      ? []
      : ([
          ['UNAUTHORIZED', plainError],
          ['FORBIDDEN', plainError],
        ] as [ErrorCode, Json][])),
    ...(route.errors ?? []).map((code): [ErrorCode, Json] => [code, errorBody]),
  ];
  for (const [code, schema] of codes) {
    const status = String(HTTP_STATUS[code]);
    const existing = responses[status] as
      { description: string; content?: Record<string, { schema?: Json }> } | undefined;
    const line = `\`${code}\`: ${vi.errors[code]}`;
    if (!existing) {
      responses[status] = { description: line, content: { 'application/json': { schema } } };
      continue;
    }
    existing.description += `\n\n${line}`;
    const json = existing.content?.['application/json'];
    if (json && !isDeepStrictEqual(json.schema, schema)) json.schema = { anyOf: [json.schema as Json, schema] };
  }
  responses.default = {
    description:
      'Lỗi khác: `code` là một mã lỗi, trạng thái HTTP theo mã đó (INTERNAL: 500) / ' +
      'Any other error: `code` is one of the error codes, with its own HTTP status (INTERNAL: 500)',
    content: {
      'application/json': {
        schema: isDeepStrictEqual(errorBody, plainError) ? plainError : { anyOf: [errorBody, plainError] },
      },
    },
  };

  return {
    operationId: operationId(route),
    summary: summaryText(route.summary),
    security: route.roles === 'public' ? [] : [{ deviceToken: [...route.roles] }],
    ...(route.roles === 'public' ? {} : { description: `Vai trò / Roles: ${route.roles.join(', ')}` }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: route.body.required ?? true,
            content: components.content(route.body.content, 'input', route.body.example),
          },
        }
      : {}),
    responses,
  };
}

/** `POST /api/counters/{id}/call-next` → `postCountersIdCallNext`. */
function operationId(route: DocumentedRoute): string {
  const words = route.path
    .replace(/^\/api\//, '/')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return route.method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * The document's `components.schemas`: every object (or union) schema that @luot/shared exports is
 * a component under its export name, referenced wherever a route's schema uses it; anything else
 * (a route's own `pick` or `omit`) is written in place.
 */
class Components {
  readonly schemas: Record<string, Json> = {};
  private readonly metadata: z.core.$ZodRegistry<{ id?: string }>;

  constructor() {
    const names = new Map<unknown, string>();
    for (const [name, value] of Object.entries(shared)) {
      if (value instanceof z.ZodType && ['object', 'union'].includes(value._zod.def.type)) names.set(value, name);
    }
    // The schemas' own metadata (`.meta({description})`), and an id for the shared ones.
    const metadata = z.registry<{ id?: string }>();
    metadata.get = (schema) => {
      const meta = z.globalRegistry.get(schema);
      const id = names.get(schema);
      return id ? { ...meta, id } : meta;
    };
    this.metadata = metadata;
  }

  content(content: Content, io: 'input' | 'output', example?: unknown): Record<string, Json> {
    return Object.fromEntries(
      Object.entries(content).map(([type, schema], i) => [
        type,
        {
          ...(schema ? { schema: this.schema(schema, io) } : {}),
          ...(i === 0 && example !== undefined ? { example } : {}),
        },
      ]),
    );
  }

  /**
   * A zod schema as JSON Schema 2020-12, its named parts moved to components. A named schema whose
   * input and output shapes differ (a default, a transform) gets a second component for the shape
   * met second, `<name>Input` or `<name>Output`.
   */
  schema(schema: z.ZodType, io: 'input' | 'output'): Json {
    const {
      $schema: _,
      $defs = {},
      ...root
    } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, metadata: this.metadata }) as Record<string, unknown> & {
      $defs?: Record<string, unknown>;
    };
    const rename = new Map(Object.keys($defs).map((name) => [name, name]));
    const rewrite = (json: unknown): unknown =>
      JSON.parse(JSON.stringify(json), (key, value: unknown) =>
        key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')
          ? `#/components/schemas/${rename.get(value.slice('#/$defs/'.length))}`
          : value,
      );
    // Settle the names first (a renamed part changes the refs of the parts that use it), then add.
    for (let changed = true; changed;) {
      changed = false;
      for (const [name, def] of Object.entries($defs)) {
        const target = rename.get(name)!;
        const existing = this.schemas[target];
        if (existing === undefined || isDeepStrictEqual(existing, rewrite(def))) continue;
        if (target !== name) throw new Error(`schema ${name}: two different ${io} shapes`);
        rename.set(name, `${name}${io === 'input' ? 'Input' : 'Output'}`);
        changed = true;
      }
    }
    for (const [name, def] of Object.entries($defs)) this.schemas[rename.get(name)!] ??= rewrite(def) as Json;
    return rewrite(root) as Json;
  }
}
