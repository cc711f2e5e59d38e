/**
 * Single-use pairing codes and the proof a secondary sends with one.
 *
 * The code never crosses the network: the secondary first reads the main counter's certificate, then sends
 * HMAC-SHA256(code, that certificate's fingerprint). The main counter checks it against its own fingerprint, so a
 * proof made for another certificate (a machine in the middle presenting its own) is refused, and a pairing is
 * bound to the very certificate the secondary pins. One code at a time, valid 5 minutes, spent by its first
 * success, and dropped after 5 wrong proofs (an 8-character code cannot be guessed in 5 tries).
 */
import crypto from 'node:crypto';
import { PAIRING_CODE_ALPHABET } from '../../shared/contract-lan';

export const PAIRING_TTL_MS = 5 * 60_000;
const MAX_WRONG_PROOFS = 5;

export function pairingProof(code: string, fingerprint: string): string {
  return crypto.createHmac('sha256', code).update(`guichet-pairing:${fingerprint}`).digest('hex');
}

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += PAIRING_CODE_ALPHABET[crypto.randomInt(PAIRING_CODE_ALPHABET.length)];
  return code;
}

/** Shown grouped for reading aloud: `ABCD-EFGH`. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function createPairingCodes(clock: () => number = Date.now) {
  let current: { code: string; expiresAt: number; wrong: number } | null = null;
  function active() {
    if (current && clock() >= current.expiresAt) current = null;
    return current;
  }
  return {
    /** A new code (the previous one stops working); `fixed` is the demo's COUNTER_PAIRING_CODE. */
    issue(fixed?: string): { code: string; expiresAt: Date } {
      current = { code: fixed ?? newPairingCode(), expiresAt: clock() + PAIRING_TTL_MS, wrong: 0 };
      return { code: current.code, expiresAt: new Date(current.expiresAt) };
    },
    shown(): { code: string; expiresAt: Date } | null {
      const c = active();
      return c && { code: c.code, expiresAt: new Date(c.expiresAt) };
    },
    /** Spends the code when `proof` matches it for `fingerprint`; a wrong proof counts against it. */
    redeem(proof: string, fingerprint: string): boolean {
      const c = active();
      if (!c) return false;
      const expected = Buffer.from(pairingProof(c.code, fingerprint));
      const given = Buffer.from(proof);
      if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) {
        current = null;
        return true;
      }
      c.wrong += 1;
      if (c.wrong >= MAX_WRONG_PROOFS) current = null;
      return false;
    },
    clear(): void {
      current = null;
    },
  };
}
export type PairingCodes = ReturnType<typeof createPairingCodes>;
