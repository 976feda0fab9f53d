import type { RequestName } from '@luot/shared';

/** A REST route that is a thin door onto one action. */
export interface ActionRoute {
  method: 'GET' | 'POST';
  path: RegExp;
  action: RequestName;
  /** Builds the action's input from the path match and the JSON body. */
  input(match: RegExpExecArray, body: unknown, query: URLSearchParams): unknown;
  status?: number;
  /** The part of the action's result the route returns. */
  output?(data: never): unknown;
}

const num = (s: string | undefined): number => Number(s);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const ACTION_ROUTES: ActionRoute[] = [
  {
    method: 'GET',
    path: /^\/api\/services$/,
    action: 'centre:get',
    input: () => ({}),
    output: (d: { services: unknown; queues: unknown }) => ({ services: d.services, queues: d.queues }),
  },
  {
    method: 'GET',
    path: /^\/api\/counters$/,
    action: 'centre:get',
    input: () => ({}),
    output: (d: { counters: unknown }) => ({ counters: d.counters }),
  },
  { method: 'POST', path: /^\/api\/tickets$/, action: 'ticket:issue', input: (_m, body) => body, status: 201 },
  {
    method: 'POST',
    path: /^\/api\/counters\/(\d+)\/call-next$/,
    action: 'counter:callNext',
    input: (m) => ({ counterId: num(m[1]) }),
  },
  ...(
    [
      ['recall', 'counter:recall'],
      ['start', 'counter:start'],
      ['finish', 'counter:finish'],
      ['no-show', 'counter:noShow'],
      ['transfer', 'counter:transfer'],
      ['pause', 'counter:pause'],
      ['resume', 'counter:resume'],
      ['sign-in', 'officer:signIn'],
      ['sign-out', 'officer:signOut'],
    ] as const
  ).map(
    ([verb, action]): ActionRoute => ({
      method: 'POST',
      path: new RegExp(`^/api/counters/(\\d+)/${verb}$`),
      action,
      // The path names the counter; the body may add ticketId, serviceId or credentials.
      input: (m, body) => ({ ...(isObject(body) ? body : {}), counterId: num(m[1]) }),
    }),
  ),
  {
    method: 'GET',
    path: /^\/api\/counters\/(\d+)$/,
    action: 'counter:view',
    input: (m) => ({ counterId: num(m[1]) }),
  },
  {
    method: 'GET',
    path: /^\/api\/reports\/queue$/,
    action: 'report:queue',
    input: (_m, _b, q) => Object.fromEntries(q),
  },
  {
    method: 'GET',
    path: /^\/api\/display\/state$/,
    action: 'display:sync',
    input: () => ({ afterSeq: 0 }),
    output: (d: { state: unknown }) => d.state,
  },
];
