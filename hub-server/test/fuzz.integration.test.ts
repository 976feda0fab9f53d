import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_SCHEMAS, type RequestName } from '@luot/shared';
import { connect, startTestHub, type TestSocket, staffCounters } from './support/hub';

/** Inputs per run: socket events and REST bodies together pass 10,000. */
const SOCKET_RUNS = 7000;
const REST_RUNS = 3200;

/** Everything the hub stores that a refused input must leave as it was. */
function snapshot(db: Awaited<ReturnType<typeof startTestHub>>['db']): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  // A device's last-seen time moves whenever it is used; that is not a figure.
  return JSON.stringify(
    tables.map((t) => [
      t,
      t === 'devices'
        ? db.prepare('SELECT COUNT(*) FROM devices').pluck().get()
        : db.prepare(`SELECT * FROM "${t}"`).all(),
    ]),
  );
}

/** A value as it arrives after socket.io's JSON encoding. */
function onWire(v: unknown): unknown {
  const text = JSON.stringify(v);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/** Values of every JSON shape, and objects that look nearly like a request. */
const junk = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.dictionary(
    fc.constantFrom(
      'counterId',
      'ticketId',
      'serviceId',
      'priority',
      'name',
      'pin',
      'afterSeq',
      'displayId',
      'from',
      'to',
      'groupBy',
      'reason',
      'counters',
      'notice',
      'orientation',
      '__proto__',
      'constructor',
    ),
    fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.array(fc.integer()), fc.object()),
  ),
);

describe('H6 fuzz: malformed input never crashes the hub, never answers 5xx, never changes a figure', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let socket: TestSocket;
  let before: string;

  beforeAll(async () => {
    hub = await startTestHub();
    // Q18: nobody is called to a counter without an officer.
    staffCounters(hub);
    // Some state to keep: tickets waiting and one called.
    const admin = hub.hub.devices.authenticate(hub.demoTokens!.admin)!;
    for (let i = 0; i < 5; i++)
      expect(hub.hub.perform('ticket:issue', admin, { serviceId: 1 + (i % 3) }).ok).toBe(true);
    expect(hub.hub.perform('counter:callNext', admin, { counterId: hub.demoTokens!.counters[0]!.counterId }).ok).toBe(
      true,
    );
    socket = await connect(hub.url, hub.demoTokens!.admin);
    before = snapshot(hub.db);
  });
  afterAll(async () => {
    socket?.close();
    await hub?.stop();
  });

  it('H6: every socket request with an input its schema refuses is answered BAD_REQUEST and changes nothing', async () => {
    const names = Object.keys(REQUEST_SCHEMAS) as RequestName[];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        junk.filter((v) => v !== undefined),
        async (name, input) => {
          // What the hub receives is the JSON socket.io sends (-Infinity → null, undefined keys
          // dropped); no payload at all (null) is read as {}, as the hub does.
          fc.pre(!REQUEST_SCHEMAS[name].safeParse(onWire(input) ?? {}).success);
          const ack = await socket.emitWithAck(name, input as never);
          expect(ack).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
        },
      ),
      { numRuns: SOCKET_RUNS },
    );
    expect(socket.connected).toBe(true);
    expect(snapshot(hub.db)).toBe(before);
  });

  it('H6: every REST route, with junk bodies, queries and path parameters, answers 4xx and changes nothing', async () => {
    const doc = (await (await fetch(`${hub.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => ({ path, method: m.toUpperCase() })),
    );
    expect(routes.length).toBeGreaterThan(15);
    // Junk, never the id of something that exists: "5" with an empty body is a real call-next at counter 5.
    const param = fc.oneof(
      fc.constantFrom('0', '-1', '999999999999', '1.5', 'abc', '%E0%A4%A', '..%2F..', ''),
      fc.string().filter((s) => !/^\s*\+?0*[1-9]\d{0,5}\s*$/.test(s)),
    );
    let statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        param,
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
          fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
        fc.constantFrom(hub.demoTokens!.admin, hub.demoTokens!.kiosk, null),
        async (route, p, body, query, token) => {
          const path = route.path.replace(/\{\w+\}/g, () => encodeURIComponent(p).replace(/%25/g, '%'));
          const qs = new URLSearchParams(query).toString();
          const res = await fetch(`${hub.url}${path}${qs ? `?${qs}` : ''}`, {
            method: route.method,
            headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
            body: route.method === 'GET' ? undefined : body,
          });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, `${route.method} ${path}`).toBeLessThan(500);
        },
      ),
      { numRuns: REST_RUNS },
    );
    // The junk reached the routes' checks, not only the token check.
    expect([...statuses.keys()].filter((s) => s === 400 || s === 404 || s === 409).length).toBeGreaterThan(0);
    statuses = new Map();
    expect(snapshot(hub.db)).toBe(before);
  });
});
