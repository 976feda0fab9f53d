import { systemClock, type Clock } from '@luot/shared';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { openDatabase, type Db } from './db/open';
import { DEFAULT_BACKUP_KEEP, type BackupSettings } from './features/backup/hub-backups';
import { seedDemoCentre } from './demo/seed';
import { seedDemoProcedures } from './demo/seed-procedures';
import { createCentreRepository } from './features/centre/centre-repository';
import { createSpeech } from './features/speech/create-speech';
import type { LimitOptions } from './features/limits/limits';
import { createHub, type Hub } from './hub';
import { loadTls, type TlsSource } from './http/tls';

const appDir = (name: string): string => fileURLToPath(new URL(`../../${name}-app/dist`, import.meta.url));

export const BUILT_APPS = { kiosk: appDir('kiosk'), counter: appDir('counter'), display: appDir('display') };

export interface StartOptions {
  dbPath: string;
  port: number;
  host: string;
  demo: boolean;
  /** Other sites whose pages may use the hub (H5). */
  allowedOrigins?: readonly string[];
  /** HTTPS: the operator's certificate files, or a self-signed one kept in a folder (H8). */
  tls?: TlsSource;
  clock?: Clock;
  logger?: Logger;
  /** What one kiosk, one officer name or one address may do (L2, L3, L5); the defaults otherwise. */
  limits?: LimitOptions;
  /** Nightly backups (B4): folder `<db folder>/backups` and 7 kept unless said. */
  backup?: Partial<BackupSettings>;
}

export interface RunningHub {
  hub: Hub;
  db: Db;
  port: number;
  /** Demo device tokens (only with `demo`). */
  demoTokens: DemoTokens | null;
  /** 'https' when serving TLS. */
  scheme: 'http' | 'https';
  /** The certificate's SHA-256 fingerprint when serving TLS, for operators to check on devices. */
  tlsFingerprint: string | null;
  stop(): Promise<void>;
}

export interface DemoTokens {
  kiosk: string;
  display: string;
  admin: string;
  counters: { counterId: number; number: number; token: string }[];
}

/** The composition root: database, hub, listening socket. */
export async function startHub(opts: StartOptions): Promise<RunningHub> {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? pino({ level: process.env.LUOT_LOG_LEVEL ?? 'info' });
  // The hub never waits inside SQLite for another writer (that would hold its event loop): a
  // locked database fails at once and the action is tried again later (H3).
  const db = openDatabase(opts.dbPath, { busyTimeoutMs: 0 });
  const centre = createCentreRepository(db);
  if (opts.demo) seedDemoCentre(db, centre, clock.now());
  // R11: the demo's sample procedure catalogue, into an empty catalogue only.
  if (opts.demo) await seedDemoProcedures(db, clock.now());
  const speech = await createSpeech({ dialect: centre.settings()?.voiceDialect ?? 'north' });
  const tls = opts.tls ? await loadTls(opts.tls, clock.now()) : null;
  const hub = createHub({
    db,
    clock,
    logger,
    apps: BUILT_APPS,
    speech,
    limits: opts.limits,
    allowedOrigins: opts.allowedOrigins,
    tls: tls ?? undefined,
    backup: {
      ...opts.backup,
      dir: opts.backup?.dir ?? join(dirname(opts.dbPath), 'backups'),
      keep: opts.backup?.keep ?? DEFAULT_BACKUP_KEEP,
    },
  });
  let demoTokens: DemoTokens | null = null;
  if (opts.demo) {
    demoTokens = demoTokensFor(hub, clock.now());
  }
  await new Promise<void>((resolve, reject) => {
    hub.http.once('error', reject);
    hub.http.listen(opts.port, opts.host, () => resolve());
  });
  const address = hub.http.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    hub,
    db,
    port,
    demoTokens,
    scheme: tls ? 'https' : 'http',
    tlsFingerprint: tls?.fingerprint ?? null,
    stop: async () => {
      await hub.close();
      db.close();
    },
  };
}

/**
 * The demo's device tokens, kept across restarts so open demo screens reconnect by themselves.
 * Only the demo keeps tokens readable (in settings); real devices get `luot token create`.
 */
function demoTokensFor(hub: Hub, now: number): DemoTokens {
  const kept = hub.centre.demoTokens() as DemoTokens | null;
  if (kept && hub.devices.authenticate(kept.kiosk)) return kept;
  const tokens: DemoTokens = {
    kiosk: hub.devices.create('kiosk', null, 'demo:kiosk', now),
    display: hub.devices.create('display', null, 'demo:display', now, { displayId: 1 }),
    admin: hub.devices.create('admin', null, 'demo:admin', now),
    counters: hub.centre.counters().map((c) => ({
      counterId: c.id,
      number: c.number,
      token: hub.devices.create('counter', c.id, `demo:counter-${c.number}`, now),
    })),
  };
  hub.centre.saveDemoTokens(tokens);
  return tokens;
}
