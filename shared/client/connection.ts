import type {
  ClientToServerEvents,
  ErrorCode,
  RequestInput,
  RequestName,
  RequestResult,
  ServerToClientEvents,
} from '@luot/shared';
import { io, type Socket } from 'socket.io-client';
import { ref, type Ref } from 'vue';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

/** A failed request: the hub's error code and its Vietnamese text. */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
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

/**
 * One socket to the hub with the device's token. socket.io reconnects by itself; the app
 * re-reads what it needs on every `connect`.
 */
export function connectHub(token: string, url: string = location.origin): HubConnection {
  const socket: HubSocket = io(url, {
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
  socket.on('disconnect', () => {
    status.value = 'offline';
    offlineSince.value ??= Date.now();
  });
  socket.on('connect_error', (err) => {
    const code = (err as Error & { data?: { code?: string } }).data?.code;
    status.value = code === 'UNAUTHORIZED' ? 'unauthorized' : 'offline';
    offlineSince.value ??= Date.now();
  });

  async function request<K extends RequestName>(name: K, input: RequestInput<K>, timeoutMs = 8000) {
    // The event map types each request; the generic emit cannot see through K, hence the cast.
    const timed = socket.timeout(timeoutMs);
    const emit = timed.emitWithAck.bind(timed) as unknown as (
      ev: K,
      input: RequestInput<K>,
    ) => Promise<{ ok: true; data: RequestResult<K> } | { ok: false; code: ErrorCode; message: string }>;
    let ack;
    try {
      ack = await emit(name, input);
    } catch {
      throw new HubError('INTERNAL', 'timeout');
    }
    if (!ack.ok) throw new HubError(ack.code, ack.message);
    return ack.data;
  }

  return { socket, status, offlineSince, request };
}

/**
 * The device token: from `?token=` (then kept in localStorage and removed from the address bar),
 * else the one kept before.
 */
export function deviceToken(app: string): string | null {
  const key = `luot:${app}:token`;
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
