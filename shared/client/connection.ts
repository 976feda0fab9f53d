import type {
  Ack,
  ClientToServerEvents,
  ErrorCode,
  FieldProblem,
  RequestInput,
  RequestName,
  RequestResult,
  ServerToClientEvents,
} from '@luot/shared';
import { io, type Socket } from 'socket.io-client';
import { ref, type Ref } from 'vue';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

/** A failed request: the hub's error code and its Vietnamese text, and how long to wait when it says (L3). */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For RATE_LIMITED and OFFICER_LOCKED: the wait in Vietnamese words ("Vui lòng thử lại sau 1 phút."). */
    readonly detail?: string,
    /** SETUP_INVALID: every wrong field of the setup document, with its Vietnamese message (C2). */
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

export interface HubConnection {
  socket: HubSocket;
  status: Ref<ConnectionStatus>;
  /** When the hub was last lost (epoch ms), while offline. */
  offlineSince: Ref<number | null>;
  request<K extends RequestName>(name: K, input: RequestInput<K>, timeoutMs?: number): Promise<RequestResult<K>>;
}

/** The screens that keep a device token, each under its own key. */
export type DeviceApp = 'kiosk' | 'counter' | 'display';

export interface ConnectOptions {
  /** The app whose stored token is forgotten when the hub refuses it (G4). */
  app?: DeviceApp;
  /** Hub origin; the page's own by default. */
  url?: string;
}

/** After the hub closed the socket on purpose (a revoked token, a restart), try again after this long. */
const RECONNECT_AFTER_KICK_MS = 1000;

/**
 * One socket to the hub with the device's token, sent in the handshake (`auth.token`), never in a
 * URL (G3). socket.io reconnects by itself, and after the hub closed the socket on purpose too;
 * the app re-reads what it needs on every `connect`. A token the hub refuses (revoked, G4) turns
 * the status to `unauthorized` for good and is forgotten, so a reload does not offer it again.
 */
export function connectHub(token: string, options: ConnectOptions = {}): HubConnection {
  const socket: HubSocket = io(options.url ?? location.origin, {
    auth: { token },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  const status = ref<ConnectionStatus>('connecting');
  const offlineSince = ref<number | null>(null);
  socket.on('connect', () => {
    status.value = 'online';
    offlineSince.value = null;
  });
  function refused(): void {
    status.value = 'unauthorized';
    if (options.app) forgetDeviceToken(options.app, token);
  }
  socket.on('disconnect', (reason) => {
    if (status.value === 'unauthorized') return;
    status.value = 'offline';
    offlineSince.value ??= Date.now();
    // socket.io does not come back by itself after the hub's own disconnect; a revoked device learns
    // it then, from the handshake being refused. The wall may have asked already (W9): once is enough.
    if (reason === 'io server disconnect') {
      setTimeout(() => {
        if (!socket.active && status.value !== 'unauthorized') socket.connect();
      }, RECONNECT_AFTER_KICK_MS);
    }
  });
  socket.on('connect_error', (err) => {
    const code = (err as Error & { data?: { code?: string } }).data?.code;
    if (code === 'UNAUTHORIZED') return refused();
    status.value = 'offline';
    offlineSince.value ??= Date.now();
  });

  async function request<K extends RequestName>(name: K, input: RequestInput<K>, timeoutMs = 8000) {
    // The event map types each request; the generic emit cannot see through K, hence the cast.
    const timed = socket.timeout(timeoutMs);
    const emit = timed.emitWithAck.bind(timed) as unknown as (
      ev: K,
      input: RequestInput<K>,
    ) => Promise<Ack<RequestResult<K>>>;
    let ack;
    try {
      ack = await emit(name, input);
    } catch {
      throw new HubError('INTERNAL', 'timeout');
    }
    if (!ack.ok && ack.code === 'UNAUTHORIZED') refused();
    if (!ack.ok) throw new HubError(ack.code, ack.message, ack.detail, ack.fields);
    return ack.data;
  }

  return { socket, status, offlineSince, request };
}

const tokenKey = (app: DeviceApp): string => `luot:${app}:token`;

/**
 * G3: the device token. A `?token=` in the address (first pairing, or the Electron shell's start)
 * is kept in localStorage and removed from the address bar at once; otherwise the one kept before.
 */
export function deviceToken(app: DeviceApp): string | null {
  const key = tokenKey(app);
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    localStorage.setItem(key, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return localStorage.getItem(key);
}

/** G8: keeps a token the hub gave this device (a pairing code, the first start, the admin's sign-in), as G3 keeps one. */
export function storeDeviceToken(app: DeviceApp, token: string): void {
  localStorage.setItem(tokenKey(app), token);
}

/**
 * G8: a pairing code in the address (`?pair=CODE`, the QR of a code), removed from the address
 * bar at once; null when there is none. The code decides: a `?token=` beside it goes too (G3).
 */
export function takePairCode(): string | null {
  const url = new URL(location.href);
  const code = url.searchParams.get('pair');
  if (code === null) return null;
  url.searchParams.delete('pair');
  url.searchParams.delete('token');
  history.replaceState(null, '', url.toString());
  return code;
}

/** G4: forgets the kept token, unless another one (a new pairing) replaced it meanwhile. */
export function forgetDeviceToken(app: DeviceApp, token: string): void {
  if (localStorage.getItem(tokenKey(app)) === token) localStorage.removeItem(tokenKey(app));
}
