import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsIdentity {
  cert: string;
  key: string;
  /** SHA-256 fingerprint, for an operator to compare with what a browser shows. */
  fingerprint: string;
}

export type TlsSource = { certFile: string; keyFile: string } | { selfSignedDir: string };

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * H8: the hub's certificate: the operator's own files, or a self-signed one made at the first
 * start and kept in `selfSignedDir` (so devices that trusted it keep trusting it).
 */
export async function loadTls(source: TlsSource, now: number): Promise<TlsIdentity> {
  if ('certFile' in source)
    return identity(readFileSync(source.certFile, 'utf8'), readFileSync(source.keyFile, 'utf8'));
  const certFile = join(source.selfSignedDir, 'hub-cert.pem');
  const keyFile = join(source.selfSignedDir, 'hub-key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    const pems = await generate([{ name: 'commonName', value: `Lượt hub ${hostname()}` }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: new Date(now),
      notAfterDate: new Date(now + 10 * YEAR_MS),
      extensions: [{ name: 'subjectAltName', altNames: altNames() }],
    });
    mkdirSync(source.selfSignedDir, { recursive: true });
    writeFileSync(keyFile, pems.private, { mode: 0o600 });
    writeFileSync(certFile, pems.cert);
  }
  return identity(readFileSync(certFile, 'utf8'), readFileSync(keyFile, 'utf8'));
}

function identity(cert: string, key: string): TlsIdentity {
  return { cert, key, fingerprint: new X509Certificate(cert).fingerprint256 };
}

/** The names devices use to reach the hub: this machine's name, localhost and its addresses. */
function altNames(): ({ type: 2; value: string } | { type: 7; ip: string })[] {
  const ips = Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a && a.family === 'IPv4' ? [a.address] : []));
  return [
    { type: 2 as const, value: 'localhost' },
    { type: 2 as const, value: hostname() },
    ...ips.map((ip) => ({ type: 7 as const, ip })),
  ];
}
