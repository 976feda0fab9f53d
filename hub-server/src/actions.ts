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

export interface ActionDef<K extends RequestName> {
  roles: readonly Role[];
  run(device: Device, input: RequestInput<K>): RequestResult<K>;
}
export type ActionTable = { [K in RequestName]: ActionDef<K> };

const fail = <T>(code: DomainError['code']): Ack<T> => ({ ok: false, code, message: vi.errors[code] });

/**
 * The one door to every action, for the socket and the REST edge alike:
 * validate (zod) → authorise (role, and a counter device only for its own counter) → run → Ack.
 * Never throws: a bug becomes INTERNAL and is logged, the process stays up.
 */
export function createDispatcher(actions: ActionTable, logger: Logger) {
  return function dispatch<K extends RequestName>(name: K, device: Device, raw: unknown): Ack<RequestResult<K>> {
    const parsed = REQUEST_SCHEMAS[name].safeParse(raw ?? {});
    if (!parsed.success) return fail('BAD_REQUEST');
    const input = parsed.data as RequestInput<K>;
    const action = actions[name] as ActionDef<K>;
    if (!action.roles.includes(device.role)) return fail('FORBIDDEN');
    if (device.role === 'counter' && 'counterId' in input && input.counterId !== device.counterId) {
      return fail('FORBIDDEN');
    }
    try {
      return { ok: true, data: action.run(device, input) };
    } catch (e) {
      if (e instanceof DomainError) return fail(e.code);
      logger.error({ err: e, action: name }, 'action failed');
      return fail('INTERNAL');
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
