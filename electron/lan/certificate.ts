/**
 * The main counter's TLS certificate: self-signed (no certificate authority on a cinema's LAN), made once with
 * `selfsigned` and kept in `lan/` of the data folder, so secondaries that pinned it keep trusting it across
 * restarts. The key file is owner-only.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import selfsigned from 'selfsigned';
import { ensurePrivateDir } from '../core/db/privateFiles';

export interface LanCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as `AB:CD:…` (what a secondary pins). */
  fingerprint: string;
}

export function fingerprintOf(certPem: string): string {
  return new crypto.X509Certificate(certPem).fingerprint256;
}

/** The certificate in `dir`, or a new one (ten years: a counter PC outlives no certificate renewal here). */
export async function loadOrCreateCertificate(dir: string, commonName: string): Promise<LanCertificate> {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const cert = fs.readFileSync(certFile, 'utf8');
    const key = fs.readFileSync(keyFile, 'utf8');
    return { cert, key, fingerprint: fingerprintOf(cert) };
  }
  const now = new Date();
  const generated = await selfsigned.generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 24 * 3_600_000),
    notAfterDate: new Date(now.getTime() + 3650 * 24 * 3_600_000),
  });
  ensurePrivateDir(dir);
  fs.writeFileSync(keyFile, generated.private, { mode: 0o600 });
  fs.writeFileSync(certFile, generated.cert, { mode: 0o600 });
  return { cert: generated.cert, key: generated.private, fingerprint: fingerprintOf(generated.cert) };
}
