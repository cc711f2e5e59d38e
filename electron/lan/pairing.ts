/**
 * Single-use pairing codes and the proof a secondary sends with one.
 *
 * The code never crosses the network: the secondary first reads the main counter's certificate, then sends a proof
 * derived from the code and that certificate's fingerprint. The main counter checks it against its own
 * fingerprint, so a proof made for another certificate (a machine in the middle presenting its own) is refused, and
 * a pairing is bound to the very certificate the secondary pins. One code at a time, valid 5 minutes, spent by its
 * first success, and dropped after 5 wrong proofs (an 8-character code cannot be guessed in 5 tries).
 *
 * The proof is scrypt's (memory-hard), not a bare HMAC: a machine in the middle holds a proof made for its own
 * certificate and could try every code against it offline. 31^8 codes are 2^40 HMACs, minutes on a graphics card,
 * inside the code's 5 minutes; at 32 MiB and about 150 ms a try, they are years.
 */
import crypto from 'node:crypto';
import { PAIRING_CODE_ALPHABET } from '../../shared/contract-lan';

export const PAIRING_TTL_MS = 5 * 60_000;
const MAX_WRONG_PROOFS = 5;

/** N = 2^15, r = 8: 32 MiB and about 150 ms a derivation here; once per pairing on each side, in libuv's threads. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** The proof of `code` for the certificate of this fingerprint: 32 bytes, hex (64 characters, as on the wire). */
export function pairingProof(code: string, fingerprint: string): Promise<string> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(code, `guichet-pairing:${fingerprint}`, 32, SCRYPT, (error, key) => {
      if (error) reject(error);
      else resolve(key.toString('hex'));
    });
  });
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
  /** `expected`: the proof of this code for the main counter's fingerprint, derived once whatever the tries. */
  let current: { code: string; expiresAt: number; wrong: number; expected?: Promise<string> } | null = null;
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
    /**
     * Spends the code when `proof` matches it for `fingerprint` (the main counter's own, always the same); a wrong
     * proof counts against it. Tries that arrive together are judged one after the other, on the same code.
     */
    async redeem(proof: string, fingerprint: string): Promise<boolean> {
      const c = active();
      if (!c) return false;
      c.expected ??= pairingProof(c.code, fingerprint);
      const expected = Buffer.from(await c.expected);
      // While the proof was derived, the code may have been spent, replaced, dropped or run out of time.
      if (c !== active()) return false;
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
