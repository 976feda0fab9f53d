import { ROLES, type Role } from '@luot/shared';
import { compileErrors, dereference, validate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedRoutes, openApiDocument, OPENAPI_PATH, type OpenApiDocument } from '../src/http/openapi';
import { rawRouteTable } from '../src/http/route-table';
import { ACTION_ROUTES } from '../src/http/routes';
import { startTestHub } from './support/hub';

type Json = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  op: {
    security: { deviceToken?: Role[] }[];
    parameters?: { name: string; in: 'path' | 'query'; required: boolean; example?: unknown }[];
    requestBody?: { content: Record<string, { example?: unknown }> };
    responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
  };
}
interface Answer {
  status: number;
  type: string;
  json: Json | null;
}

/** Every operation of the document, in its order. */
const operationsOf = (doc: OpenApiDocument): Operation[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op: op as Operation['op'] })),
  );

const rolesOf = (o: Operation): Role[] | 'public' => o.op.security[0]?.deviceToken ?? 'public';

describe('the OpenAPI document of the REST edge', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let served: OpenApiDocument;
  /** The served document with its $refs resolved, to check answers against. */
  let resolved: OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // C1: the centre's public address is a URL (zod's z.url() documents it as format "uri").
  ajv.addFormat('uri', (s: string) => URL.canParse(s));

  const tokenOf = (role: Role): string => {
    const t = hub.demoTokens!;
    // The examples' counter is counter 1: its own device may act on it.
    return role === 'counter' ? t.counters.find((c) => c.counterId === 1)!.token : t[role];
  };

  /** Calls an operation with the examples the document gives (path, query, body). */
  async function call(o: Operation, role: Role | null): Promise<Answer> {
    const params = o.op.parameters ?? [];
    let path = o.path;
    const query = new URLSearchParams();
    for (const p of params) {
      if (!p.required && p.example === undefined) continue;
      expect(p.example, `${o.method} ${o.path}: parameter ${p.name} has no example`).toBeDefined();
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
      else query.set(p.name, String(p.example));
    }
    const [type, media] = Object.entries(o.op.requestBody?.content ?? {})[0] ?? [];
    const res = await fetch(`${hub.url}${path}${query.size > 0 ? `?${query.toString()}` : ''}`, {
      method: o.method,
      headers: {
        ...(role ? { authorization: `Bearer ${tokenOf(role)}` } : {}),
        ...(type ? { 'content-type': type } : {}),
      },
      ...(type ? { body: JSON.stringify(media?.example ?? {}) } : {}),
    });
    const answerType = res.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    const bytes = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      type: answerType,
      json: answerType === 'application/json' ? (JSON.parse(bytes.toString('utf8')) as Json) : null,
    };
  }

  /** The answer is one the document lists for the operation: its status (or default), content type and schema. */
  function expectDocumented(o: Operation, answer: Answer): void {
    const op = resolved.paths[o.path]![o.method.toLowerCase()] as Operation['op'];
    const where = `${o.method} ${o.path} → ${answer.status} ${answer.type} ${JSON.stringify(answer.json)?.slice(0, 300)}`;
    const response = op.responses[String(answer.status)] ?? op.responses.default;
    expect(response, `${where}: status not documented`).toBeDefined();
    const media = response!.content?.[answer.type];
    expect(media, `${where}: content type not documented`).toBeDefined();
    if (media?.schema) {
      const check = ajv.compile(media.schema);
      expect(check(answer.json), `${where}: ${ajv.errorsText(check.errors)}`).toBe(true);
    }
  }

  beforeAll(async () => {
    hub = await startTestHub();
    const res = await fetch(`${hub.url}${OPENAPI_PATH}`);
    expect(res.status).toBe(200);
    served = (await res.json()) as OpenApiDocument;
    // The parser types documents with openapi-types, ours is its own JSON shape: `never` hands it over untyped
    // (and so types the result `never`, which our type accepts).
    resolved = await dereference(structuredClone(served) as never);
  });
  afterAll(() => hub.stop());

  it('H4: is public, served at /api/openapi.json, and a valid OpenAPI 3.1 document', async () => {
    expect(served.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(served) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('H4: lists every route the hub serves, each once, at a path its RegExp matches', () => {
    // The raw routes of the table are the ones the running hub was built with: same document.
    expect(served, 'the hub mounts raw routes that http/route-table.ts does not list, or the reverse').toEqual(
      JSON.parse(JSON.stringify(openApiDocument(rawRouteTable()))),
    );
    const routes = documentedRoutes(rawRouteTable());
    const operations = operationsOf(served);
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
      routes.map((r) => `${r.method} ${r.path}`).sort(),
    );
    for (const r of [...ACTION_ROUTES, ...rawRouteTable()]) {
      expect(served.paths[r.doc.path]?.[r.method.toLowerCase()], `${r.method} ${r.doc.path}`).toBeDefined();
    }
    for (const r of routes) {
      const filled = r.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(String(r.params?.[name]?.example)),
      );
      expect(r.pattern.test(filled), `${r.method} ${r.path} (${filled}) against ${r.pattern}`).toBe(true);
    }
  });

  it('H4: every documented operation is served and answers as documented, with and without a token', async () => {
    const succeeded: string[] = [];
    for (const o of operationsOf(served)) {
      const roles = rolesOf(o);
      const answer = await call(o, roles === 'public' ? null : roles[0]!);
      // The server's answer to a path it does not route is 404 NOT_FOUND: any other answer means routed.
      expect(answer.status === 404 && answer.json?.code === 'NOT_FOUND', `${o.method} ${o.path} is not routed`).toBe(
        false,
      );
      expectDocumented(o, answer);
      if (answer.status < 300) succeeded.push(`${o.method} ${o.path}`);
      if (roles !== 'public') {
        const anonymous = await call(o, null);
        expect([anonymous.status, anonymous.json?.code]).toEqual([401, 'UNAUTHORIZED']);
        expectDocumented(o, anonymous);
      }
    }
    // The examples make the reads and the main writes succeed, so their success schemas were checked.
    expect(succeeded).toEqual(
      expect.arrayContaining([
        ...ACTION_ROUTES.filter((r) => r.method === 'GET').map((r) => `GET ${r.doc.path}`),
        'POST /api/tickets',
        'GET /api/openapi.json',
        'PUT /api/displays/{id}',
        'POST /api/dossiers',
        'GET /api/stats/dossiers',
        'GET /api/dossiers/{code}',
        'GET /api/announcements/audio',
      ]),
    );
  });

  it('H4: the roles an operation lists are the roles the hub lets through', async () => {
    for (const o of operationsOf(served)) {
      const roles = rolesOf(o);
      if (roles === 'public') continue;
      for (const role of ROLES) {
        const answer = await call(o, role);
        const where = `${o.method} ${o.path} as ${role} → ${answer.status} ${JSON.stringify(answer.json)}`;
        if (roles.includes(role)) expect(answer.json?.code, where).not.toBe('FORBIDDEN');
        else expect([answer.status, answer.json?.code], where).toEqual([403, 'FORBIDDEN']);
      }
    }
  });
});
