import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join } from 'node:path';
import pino from 'pino';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../src/main';
import { tempDbPath, type TestSocket } from './support/hub';

/** GET over HTTPS trusting only the hub's own certificate (as a device that was shown it). */
function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('H8: optional TLS', () => {
  const hubs: RunningHub[] = [];
  afterAll(async () => {
    for (const h of hubs) await h.stop();
  });
  const start = async (dbPath: string) => {
    const hub = await startHub({
      dbPath,
      port: 0,
      host: '127.0.0.1',
      demo: true,
      tls: { selfSignedDir: join(dirname(dbPath), 'tls') },
      logger: pino({ level: 'silent' }),
    });
    hubs.push(hub);
    return hub;
  };

  it('H8: a self-signed certificate is made at the first start and kept; REST and sockets run over it', async () => {
    const dbPath = tempDbPath();
    const hub = await start(dbPath);
    expect(hub.scheme).toBe('https');
    expect(hub.tlsFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const ca = readFileSync(join(dirname(dbPath), 'tls', 'hub-cert.pem'), 'utf8');
    const url = `https://localhost:${hub.port}`;

    const services = await httpsGet(`${url}/api/openapi.json`, ca);
    expect(services.status).toBe(200);

    const socket: TestSocket = io(url, {
      auth: { token: hub.demoTokens!.display },
      transports: ['websocket'],
      ca,
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const sync = await socket.emitWithAck('display:sync', { afterSeq: 0 });
      expect(sync.ok).toBe(true);
    } finally {
      socket.close();
    }

    // Plain HTTP to the TLS port gets no answer from the hub's routes.
    await expect(fetch(`http://127.0.0.1:${hub.port}/api/openapi.json`)).rejects.toThrow();

    await hub.stop();
    hubs.splice(hubs.indexOf(hub), 1);
    const again = await start(dbPath);
    expect(again.tlsFingerprint).toBe(hub.tlsFingerprint);
  });
});
