import type { ApiError, Paired, PairingApp, SetupStatus } from '@luot/shared';
import { onBeforeUnmount, ref } from 'vue';
import { storeDeviceToken } from './connection';

/** What the page of an app without a token shows (G8). */
export type PairingState = 'checking' | 'unreachable' | 'notSetUp' | 'form' | 'pairing' | 'paired';

/** An answer of the hub, or null when it could not be reached. */
export async function postJson<T>(
  path: string,
  body: unknown,
): Promise<{ ok: true; data: T } | { ok: false; error: ApiError & Record<string, unknown> } | null> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return null;
  }
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, data: json as T };
  const error = (json ?? {}) as ApiError & Record<string, unknown>;
  return { ok: false, error: { ...error, code: error.code ?? 'INTERNAL', message: error.message ?? '' } };
}

/** A refusal as one Vietnamese sentence (a wait says how long: L5, G7). */
export const refusalText = (error: ApiError): string => [error.message, error.detail].filter(Boolean).join(' ');

/** How long to wait before asking an unreachable hub again. */
const RETRY_MS = 3000;

/**
 * G8: an app without a token: is the centre set up? Then a code typed (or one from `?pair=`) is
 * sent with the app's name; the token received is kept and the page reloads into the app.
 */
export function usePairing(app: PairingApp, initialCode: string | null) {
  const state = ref<PairingState>('checking');
  const status = ref<SetupStatus | null>(null);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(timer);
  });

  async function check(): Promise<void> {
    try {
      const res = await fetch('/api/setup/status');
      if (!res.ok) throw new Error(String(res.status));
      status.value = (await res.json()) as SetupStatus;
    } catch {
      if (stopped) return;
      state.value = 'unreachable';
      timer = setTimeout(() => void check(), RETRY_MS);
      return;
    }
    if (!status.value.setUp) {
      state.value = 'notSetUp';
      return;
    }
    state.value = 'form';
    if (initialCode !== null) {
      const code = initialCode;
      initialCode = null;
      await pair(code);
    }
  }

  /** Keeps a token and opens the app with it. */
  function enter(token: string): void {
    storeDeviceToken(app, token);
    state.value = 'paired';
    location.reload();
  }

  async function pair(code: string): Promise<void> {
    if (state.value === 'pairing') return;
    error.value = null;
    state.value = 'pairing';
    const answer = await postJson<Paired>('/api/pair', { code, app });
    if (answer?.ok) return enter(answer.data.token);
    state.value = 'form';
    if (!answer) {
      error.value = null;
      state.value = 'unreachable';
      timer = setTimeout(() => void check(), RETRY_MS);
      return;
    }
    if (answer.error.code === 'NOT_SET_UP') {
      state.value = 'notSetUp';
      return;
    }
    error.value = refusalText(answer.error);
  }

  void check();
  return { state, status, error, pair, enter, recheck: check };
}
