/**
 * A secondary's side of pairing (pairing.ts has the proof): the main counter's address as typed, the certificate it
 * presents, read without trusting it yet, then the pairing request itself over TLS pinned to exactly that
 * certificate. The answer (its own token) is `unknown` until parsed.
 */
import https from 'node:https';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { pairingCodeSchema } from '../../shared/contract-lan';
import { t } from '../../shared/i18n';
import { ContractFailure } from '../core/contractFailure';
import { LAN_HELLO_PATH, LAN_PAIR_PATH, pairAnswerSchema } from '../../shared/lanWire';
import { fingerprintOf } from './certificate';
import type { MainLink } from './lanStore';
import { pairingProof } from './pairing';

/** `https://host:port` of a main counter as typed by a person (scheme and port optional). */
export function normaliseMainUrl(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed.replace(/^http:/i, 'https:') : `https://${trimmed}`);
    if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search) return null;
    return `https://${url.host}`;
  } catch {
    return null;
  }
}

/** Reads the certificate a server presents (no trust decision yet: that is what the pairing proof is for). */
function presentedCertificate(mainUrl: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      `${mainUrl}${LAN_HELLO_PATH}`,
      { method: 'GET', rejectUnauthorized: false, timeout: timeoutMs },
      (response) => {
        const cert = (response.socket as TLSSocket).getPeerCertificate(false) as PeerCertificate | null;
        response.resume();
        if (!cert?.raw) return reject(new Error('no certificate'));
        resolve(`-----BEGIN CERTIFICATE-----\n${cert.raw.toString('base64')}\n-----END CERTIFICATE-----\n`);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end();
  });
}

/** TLS options that accept exactly one certificate. */
export function pinned(certificate: string, fingerprint: string) {
  return {
    ca: certificate,
    // The address may change (DHCP): the identity is the certificate itself, not a host name in it.
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256 === fingerprint ? undefined : new Error('certificate does not match the pinned one'),
  };
}

export class PairingError extends Error {
  constructor(readonly reason: 'unreachable' | 'refused' | 'name_taken') {
    super(reason === 'unreachable' ? t('errors.main_unreachable') : t('errors.pairing_failed'));
    this.name = 'PairingError';
  }
}

/** Pairs with the main counter at `mainUrl`: its certificate read, then pinned for the pairing request itself. */
export async function pairWithMain(mainUrl: string, code: string, name: string, timeoutMs = 5_000): Promise<MainLink> {
  let certificate: string;
  try {
    certificate = await presentedCertificate(mainUrl, timeoutMs);
  } catch {
    throw new PairingError('unreachable');
  }
  const fingerprint = fingerprintOf(certificate);
  const body = JSON.stringify({ name, proof: await pairingProof(code, fingerprint) });
  const answer = await new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const request = https.request(
      `${mainUrl}${LAN_PAIR_PATH}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
        ...pinned(certificate, fingerprint),
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < 10_000) text += chunk;
        });
        response.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON: refused below
          }
          resolve({ status: response.statusCode ?? 0, json });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(body);
  }).catch(() => {
    throw new PairingError('unreachable');
  });
  if (answer.status === 409) throw new PairingError('name_taken');
  const parsed = pairAnswerSchema.safeParse(answer.json);
  if (answer.status !== 200 || !parsed.success) throw new PairingError('refused');
  return {
    url: mainUrl,
    name: parsed.data.mainName,
    certificate,
    fingerprint,
    token: parsed.data.token,
    pairedAt: new Date().toISOString(),
  };
}

/** Pairing as a person asks for it (Réglages, or the environment): the contract's failures, in French. */
export async function pairAsSecondary(mainUrlText: string, codeText: string, name: string): Promise<MainLink> {
  const mainUrl = normaliseMainUrl(mainUrlText);
  const code = pairingCodeSchema.safeParse(codeText);
  if (!mainUrl || !code.success) throw new ContractFailure('pairing_failed');
  try {
    return await pairWithMain(mainUrl, code.data, name);
  } catch (error) {
    if (error instanceof PairingError) {
      if (error.reason === 'name_taken')
        throw new ContractFailure('pairing_failed', t('errors.pairing_name_taken', { name }));
      throw new ContractFailure(error.reason === 'unreachable' ? 'main_unreachable' : 'pairing_failed');
    }
    throw error;
  }
}
