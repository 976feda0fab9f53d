import {
  DomainError,
  REQUEST_SCHEMAS,
  vi,
  type Ack,
  type RequestInput,
  type RequestName,
  type RequestResult,
  type Role,
} from '@luot/shared';
import type { Logger } from 'pino';
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

/** The answer for the requester, and what the edge tells everyone else once it has answered. */
export interface Dispatched<T> {
  ack: Ack<T>;
  events: HubEvent[];
}

const fail = <T>(code: DomainError['code']): Dispatched<T> => ({
  ack: { ok: false, code, message: vi.errors[code] },
  events: [],
});

/**
 * The one door to every action, for the socket and the REST edge alike:
 * validate (zod) → authorise (role, and a counter device only for its own counter) → run (commit).
 * The edge then acks and publishes the events: commit → ack → notify.
 * Never throws: a bug becomes INTERNAL and is logged, the process stays up.
 */
export function createDispatcher(actions: ActionTable, logger: Logger) {
  return function dispatch<K extends RequestName>(name: K, device: Device, raw: unknown): Dispatched<RequestResult<K>> {
    const parsed = REQUEST_SCHEMAS[name].safeParse(raw ?? {});
    if (!parsed.success) return fail('BAD_REQUEST');
    const input = parsed.data as RequestInput<K>;
    const action = actions[name] as ActionDef<K>;
    if (!action.roles.includes(device.role)) return fail('FORBIDDEN');
    if (device.role === 'counter' && 'counterId' in input && input.counterId !== device.counterId) {
      return fail('FORBIDDEN');
    }
    try {
      const { data, events } = action.run(device, input);
      return { ack: { ok: true, data }, events };
    } catch (e) {
      if (e instanceof DomainError) return fail(e.code);
      logger.error({ err: e, action: name }, 'action failed');
      return fail('INTERNAL');
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
