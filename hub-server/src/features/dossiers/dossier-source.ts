import {
  DomainError,
  DossierPull,
  DossierSource,
  vi,
  type Clock,
  type DossierSourceSetInput,
  type DossierSourceState,
  type DossierSourceView,
} from '@luot/shared';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Db } from '../../db/open';
import type { Notifier } from '../../realtime/notifier';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import { DEFAULT_MAX_UPLOAD } from './dossier-routes';
import type { DossierService } from './dossier-service';

const SOURCE_KEY = 'dossierSource';
const LAST_KEY = 'dossierSourceLast';
const MINUTE_MS = 60_000;
/** D21: a pull that has not ended after this long fails. */
export const PULL_TIMEOUT_MS = 30_000;
/** D21: the rejected rows kept with the last result. */
const KEPT_REJECTIONS = 20;

export interface DossierSourceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  dossiers: DossierService;
  notify: Pick<Notifier, 'dossiersUpdated'>;
  audit: AuditLog;
  /** How often the timer looks at the clock; by default the time left until the next pull (at most a minute). */
  pollMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
}

/** "Bearer eyJhbGci…" → "Bearer ••••• (27 ký tự)": enough to recognise it, never enough to use it. */
export function maskHeaderValue(value: string): string {
  const shown = value.length >= 12 ? value.slice(0, Math.min(7, Math.floor(value.length / 3))) : '';
  return `${shown}••••• (${value.length} ký tự)`;
}

/** The address for the log and the audit: no query string, no credentials. */
const loggableUrl = (url: string): string => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
};

class PullError extends Error {
  override name = 'PullError';
}

/** Why a fetch failed, in Vietnamese. */
function fetchFailure(e: unknown, url: string, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return `Quá ${timeoutMs / 1000} giây mà máy nguồn chưa trả lời xong.`;
  }
  const why = err.cause?.code ?? err.cause?.message ?? (e as Error).message;
  return `Không kết nối được tới ${new URL(url).host} (${why}).`;
}

/**
 * D21: the scheduled dossier pull. The source lives in the settings table; every N minutes (on
 * the injected clock) and on demand the hub fetches it and feeds the answer to the same import as
 * an upload (`DossierService.import`), then tells the walls. A failure keeps the dossiers as they
 * were and becomes the last result, with its Vietnamese reason; it is logged, never thrown.
 */
export function createDossierSource(deps: DossierSourceDeps) {
  const { db, clock, logger, audit } = deps;
  const timeoutMs = deps.timeoutMs ?? PULL_TIMEOUT_MS;
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_UPLOAD;
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const del = db.prepare('DELETE FROM settings WHERE key = ?');

  const read = <T>(key: string, parse: (v: unknown) => T | null): T | null => {
    const row = get.get(key);
    if (!row) return null;
    try {
      return parse(JSON.parse(row.value));
    } catch {
      return null;
    }
  };
  const source = (): DossierSource | null => read(SOURCE_KEY, (v) => DossierSource.safeParse(v).data ?? null);
  const last = (): DossierPull | null => read(LAST_KEY, (v) => DossierPull.safeParse(v).data ?? null);

  let running: Promise<DossierPull> | null = null;
  let due = clock.now() + (source()?.everyMinutes ?? 60) * MINUTE_MS;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const aborter = new AbortController();

  const view = (s: DossierSource): DossierSourceView => ({
    url: s.url,
    format: s.format,
    header: s.header ? { name: s.header.name, masked: maskHeaderValue(s.header.value) } : null,
    everyMinutes: s.everyMinutes,
    enabled: s.enabled,
  });
  const state = (): DossierSourceState => {
    const s = source();
    return { source: s ? view(s) : null, last: last(), pulling: running !== null };
  };

  async function fetchAndImport(s: DossierSource) {
    const signal = AbortSignal.any([aborter.signal, AbortSignal.timeout(timeoutMs)]);
    let res: Response;
    try {
      res = await fetch(s.url, {
        headers: s.header ? { [s.header.name]: s.header.value } : {},
        signal,
        redirect: 'follow',
      });
    } catch (e) {
      throw new PullError(fetchFailure(e, s.url, timeoutMs));
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new PullError(`Máy nguồn trả lời HTTP ${res.status}${res.statusText ? ` (${res.statusText})` : ''}.`);
    }
    const length = Number(res.headers.get('content-length'));
    if (Number.isFinite(length) && length > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new DomainError('PAYLOAD_TOO_LARGE');
    }
    const body = res.body ? Readable.fromWeb(res.body as never) : Readable.from([]);
    try {
      // D21: the very import of an upload (D9–D12, D17), with its size cap.
      return await deps.dossiers.import(body as AsyncIterable<Uint8Array>, { format: s.format, maxBytes });
    } catch (e) {
      if (signal.aborted) throw new PullError(fetchFailure(signal.reason, s.url, timeoutMs));
      throw e;
    } finally {
      body.destroy();
    }
  }

  /** D15: the walls' new figures, as after an upload; a failure here does not make the import fail. */
  const tellWalls = (): void => {
    try {
      deps.notify.dossiersUpdated(deps.dossiers.panel());
    } catch (e) {
      logger.error({ err: e }, 'could not tell the walls the new dossier figures');
    }
  };

  async function pull(why: 'timer' | 'now'): Promise<DossierPull> {
    const s = source();
    let result: DossierPull;
    if (!s) {
      // Removed meanwhile: nothing to pull, nothing to keep.
      return {
        at: clock.now(),
        ok: false,
        imported: 0,
        rejected: 0,
        rejectedRows: [],
        error: 'Chưa cấu hình nguồn hồ sơ.',
      };
    } else {
      due = clock.now() + s.everyMinutes * MINUTE_MS;
      try {
        const r = await fetchAndImport(s);
        result = {
          at: clock.now(),
          ok: true,
          imported: r.accepted + r.updated,
          rejected: r.rejected.length,
          rejectedRows: r.rejected.slice(0, KEPT_REJECTIONS),
        };
        if (r.accepted + r.updated > 0) tellWalls();
        logger.info(
          { url: loggableUrl(s.url), why, accepted: r.accepted, updated: r.updated, rejected: r.rejected.length },
          'dossier source pulled',
        );
      } catch (e) {
        const error =
          e instanceof PullError
            ? e.message
            : e instanceof DomainError
              ? [vi.errors[e.code], e.detail].filter(Boolean).join(' ')
              : `Lỗi không mong đợi: ${(e as Error).message}`;
        result = { at: clock.now(), ok: false, imported: 0, rejected: 0, rejectedRows: [], error };
        // Never the header: it may hold the source's password.
        logger.warn({ url: loggableUrl(s.url), why, error }, 'dossier source pull failed');
      }
    }
    if (!closed) {
      try {
        put.run(LAST_KEY, JSON.stringify(result));
      } catch (e) {
        logger.error({ err: e }, 'could not keep the dossier pull result');
      }
    }
    return result;
  }

  /** One pull at a time: asked again while one runs, the running one is the answer. */
  const start = (why: 'timer' | 'now'): Promise<DossierPull> => {
    if (!running) running = pull(why).finally(() => (running = null));
    return running;
  };

  const arm = (): void => {
    if (closed) return;
    const wait = deps.pollMs ?? Math.min(MINUTE_MS, Math.max(1000, due - clock.now()));
    timer = setTimeout(tick, wait);
    timer.unref();
  };
  function tick(): void {
    try {
      const s = source();
      if (s?.enabled && !running && clock.now() >= due) void start('timer');
    } catch (e) {
      // A timer callback must never throw: that would end the hub.
      logger.error({ err: e }, 'dossier source timer failed');
    }
    arm();
  }
  arm();

  return {
    state,

    /** `dossierSource:set`: saves (or, with null, removes) the source; the next timed pull is N minutes on. */
    set(input: DossierSourceSetInput, by: AuditActor): DossierSourceState {
      const given = input.source;
      db.transaction(() => {
        if (given === null) {
          del.run(SOURCE_KEY);
          audit.record(by, 'dossierSource:set', 'Xoá nguồn hồ sơ tự động');
          return;
        }
        let header: DossierSource['header'] = null;
        if (given.header) {
          const kept = source()?.header;
          const value = given.header.value ?? (kept?.name === given.header.name ? kept.value : null);
          // The console never sees the stored value: without one stored, it must send one.
          if (value === null) throw new DomainError('BAD_REQUEST', 'header.value');
          header = { name: given.header.name, value };
        }
        const next: DossierSource = { ...given, header };
        put.run(SOURCE_KEY, JSON.stringify(next));
        audit.record(
          by,
          'dossierSource:set',
          `Nguồn hồ sơ ${loggableUrl(next.url)} (${next.format.toUpperCase()}), mỗi ${next.everyMinutes} phút, ` +
            `${next.enabled ? 'đang bật' : 'đang tắt'}${header ? `, kèm tiêu đề ${header.name}` : ''}`,
        );
        due = clock.now() + next.everyMinutes * MINUTE_MS;
      })();
      return state();
    },

    /** `dossierSource:pullNow`: starts a pull (or joins the running one); its result comes in `state().last`. */
    pullNow(): Promise<DossierPull> {
      return start('now');
    },

    close: async (): Promise<void> => {
      closed = true;
      clearTimeout(timer);
      aborter.abort();
      await running?.catch(() => undefined);
    },
  };
}
export type DossierSourceFeature = ReturnType<typeof createDossierSource>;
