import {
  DomainError,
  ExplainedError,
  RetryLaterError,
  retryAfterText,
  SetupInvalidError,
  REQUEST_SCHEMAS,
  vi,
  type Ack,
  type RequestInput,
  type RequestName,
  type Clock,
  type RequestResult,
  type Role,
} from '@luot/shared';
import type { Logger } from 'pino';
import { storageErrorCode } from './db/storage-errors';
import type { Device } from './features/devices/device-repository';
import type { HubEvent } from './realtime/notifier';

/** What an action gives back: its result, and the notifications it caused (told after the answer). */
export interface Outcome<T> {
  data: T;
  events: HubEvent[];
}

/** @example return outcome(ticket, ['ticketIssued', ticket]); */
export const outcome = <T>(data: T, ...events: HubEvent[]): Outcome<T> => ({ data, events });

export interface ActionDef<K extends RequestName> {
  roles: readonly Role[];
  run(device: Device, input: RequestInput<K>): Outcome<RequestResult<K>>;
}
export type ActionTable = { [K in RequestName]: ActionDef<K> };

/**
 * The table with one action's `run` wrapped, its roles kept: what a feature adds before or after
 * another's action (a rate limit before issuing, printing after it).
 *
 * @example aroundAction(actions, 'ticket:issue', (run) => (device, input) => { … run(device, input) … })
 */
export function aroundAction<T extends { [N in K]: ActionDef<K> }, K extends RequestName>(
  actions: T,
  name: K,
  around: (run: ActionDef<K>['run']) => ActionDef<K>['run'],
): T {
  const action = actions[name];
  return { ...actions, [name]: { roles: action.roles, run: around((device, input) => action.run(device, input)) } };
}

/** The answer for the requester, and what the edge tells everyone else once it has answered. */
export interface Dispatched<T> {
  ack: Ack<T>;
  events: HubEvent[];
}

const fail = <T>(code: DomainError['code'], detail?: string): Dispatched<T> => ({
  ack: { ok: false, code, message: vi.errors[code], ...(detail === undefined ? {} : { detail }) },
  events: [],
});

/** A refusal that passes with time (L2, L3): the wait, in seconds and in Vietnamese words. */
const failLater = <T>(e: RetryLaterError): Dispatched<T> => ({
  ack: {
    ok: false,
    code: e.code,
    message: vi.errors[e.code],
    detail: retryAfterText(e.retryAfterSeconds),
    retryAfterSeconds: e.retryAfterSeconds,
  },
  events: [],
});

export interface DispatchOptions {
  /** Another writer holds the database: try again after this long (H3). */
  retryMs?: number;
  /** …until this long after the request came; then answer DB_BUSY. */
  patienceMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one door to every action, for the socket and the REST edge alike:
 * validate (zod) → authorise (role, and a counter device only for its own counter) → run (commit).
 * The edge then acks and publishes the events: commit → ack → notify (H1).
 * Never throws: a bug becomes INTERNAL and is logged, the process stays up. A database locked by
 * another writer (the `luot` command, a backup) is waited for without holding the event loop:
 * the action, which changed nothing, is tried again until `patienceMs` (H3).
 */
export function createDispatcher(
  actions: ActionTable,
  deps: { logger: Logger; clock: Clock },
  options: DispatchOptions = {},
) {
  const { logger, clock } = deps;
  const retryMs = options.retryMs ?? 50;
  const patienceMs = options.patienceMs ?? 15_000;

  /** Validates and authorises; the parsed input, or the refusal. */
  function admit<K extends RequestName>(name: K, device: Device, raw: unknown): RequestInput<K> | Dispatched<never> {
    const parsed = REQUEST_SCHEMAS[name].safeParse(raw ?? {});
    if (!parsed.success) return fail('BAD_REQUEST');
    const input = parsed.data as RequestInput<K>;
    if (!actions[name].roles.includes(device.role)) return fail('FORBIDDEN');
    if (device.role === 'counter' && 'counterId' in input && input.counterId !== device.counterId) {
      return fail('FORBIDDEN');
    }
    return input;
  }

  function run<K extends RequestName>(name: K, device: Device, input: RequestInput<K>): Dispatched<RequestResult<K>> {
    const action = actions[name] as ActionDef<K>;
    try {
      const { data, events } = action.run(device, input);
      return { ack: { ok: true, data }, events };
    } catch (e) {
      if (e instanceof RetryLaterError) return failLater(e);
      // C2: a refused setup says every wrong field, with its path and Vietnamese message.
      if (e instanceof SetupInvalidError) {
        return { ack: { ok: false, code: e.code, message: vi.errors[e.code], fields: e.problems }, events: [] };
      }
      // A refusal that says more (which counter, how long, when it opens): its Vietnamese detail.
      if (e instanceof ExplainedError) return fail(e.code, e.explanation);
      if (e instanceof DomainError) return fail(e.code);
      const storage = storageErrorCode(e);
      if (storage === 'DISK_FULL') {
        logger.error({ err: e, action: name }, 'disk full');
        return { ...fail(storage), events: [['hubAlert', { code: storage, at: new Date(clock.now()).toISOString() }]] };
      }
      if (storage) return fail(storage);
      logger.error({ err: e, action: name }, 'action failed');
      return fail('INTERNAL');
    }
  }

  const isRefusal = (v: unknown): v is Dispatched<never> => typeof v === 'object' && v !== null && 'ack' in v;

  /** One try, answered at once (a busy database is DB_BUSY): for in-process callers. */
  function dispatchNow<K extends RequestName>(name: K, device: Device, raw: unknown): Dispatched<RequestResult<K>> {
    const input = admit(name, device, raw);
    return isRefusal(input) ? input : run(name, device, input);
  }

  /** The edges' door: waits out another writer's lock (H3). */
  async function dispatch<K extends RequestName>(
    name: K,
    device: Device,
    raw: unknown,
  ): Promise<Dispatched<RequestResult<K>>> {
    const input = admit(name, device, raw);
    if (isRefusal(input)) return input;
    const giveUpAt = Date.now() + patienceMs;
    for (;;) {
      const done = run(name, device, input);
      if (done.ack.ok || done.ack.code !== 'DB_BUSY' || Date.now() >= giveUpAt) {
        if (!done.ack.ok && done.ack.code === 'DB_BUSY') logger.warn({ action: name }, 'database busy: gave up');
        return done;
      }
      await sleep(retryMs);
    }
  }
  return { dispatch, dispatchNow };
}
export type Dispatch = ReturnType<typeof createDispatcher>['dispatch'];
