/**
 * The pairing code's proof (electron/lan/pairing.ts): memory-hard, bound to the certificate's fingerprint, spent by
 * its first success, derived once per code on the main counter whatever the tries, and judged on the code still on
 * show when its derivation ends.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPairingCodes, pairingProof, PAIRING_TTL_MS } from '../../../electron/lan/pairing';

const MAIN = 'AA:BB:CC';
const MIDDLE = 'DD:EE:FF';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the proof of a pairing code', () => {
  it('is scrypt of the code for the certificate, not a bare HMAC that could be tried offline', async () => {
    // A known answer: any change to the derivation (and so any weakening of it) changes this.
    expect(await pairingProof('ABCDEFGH', MAIN)).toBe(
      '281ef43f36c350d14d7e8bc67502e2c30a24cb456dfa7ca8b5d099450da7c063',
    );
    const hmac = crypto.createHmac('sha256', 'ABCDEFGH').update(`guichet-pairing:${MAIN}`).digest('hex');
    expect(await pairingProof('ABCDEFGH', MAIN)).not.toBe(hmac);
    expect(await pairingProof('ABCDEFGH', MIDDLE)).not.toBe(await pairingProof('ABCDEFGH', MAIN));
  });
});

describe('the main counter redeeming a code', () => {
  it('accepts the proof for its own certificate once, and refuses one made for another', async () => {
    const codes = createPairingCodes();
    const { code } = codes.issue();
    expect(await codes.redeem(await pairingProof(code, MIDDLE), MAIN)).toBe(false);
    const proof = await pairingProof(code, MAIN);
    expect(await codes.redeem(proof, MAIN)).toBe(true);
    expect(codes.shown()).toBeNull();
    expect(await codes.redeem(proof, MAIN)).toBe(false); // replayed
  });

  it('drops the code after five wrong proofs, deriving its own proof only once', async () => {
    const scrypt = vi.spyOn(crypto, 'scrypt');
    const codes = createPairingCodes();
    const { code } = codes.issue('ABCDEFGH');
    const wrong = 'f'.repeat(64);
    for (let i = 0; i < 4; i++) expect(await codes.redeem(wrong, MAIN)).toBe(false);
    expect(codes.shown()?.code).toBe(code);
    expect(await codes.redeem(wrong, MAIN)).toBe(false);
    expect(codes.shown()).toBeNull();
    expect(scrypt).toHaveBeenCalledTimes(1);
    expect(await codes.redeem(await pairingProof(code, MAIN), MAIN)).toBe(false);
  });

  it('lets one of two right proofs arriving together pair, not both', async () => {
    const codes = createPairingCodes();
    const { code } = codes.issue();
    const proof = await pairingProof(code, MAIN);
    const results = await Promise.all([codes.redeem(proof, MAIN), codes.redeem(proof, MAIN)]);
    expect(results.sort()).toEqual([false, true]);
  });

  it('refuses a proof whose code ran out of time or was replaced while it was being checked', async () => {
    let now = 0;
    const codes = createPairingCodes(() => now);
    const first = codes.issue();
    const proof = await pairingProof(first.code, MAIN);
    const late = codes.redeem(proof, MAIN);
    now = PAIRING_TTL_MS; // expires during the derivation
    expect(await late).toBe(false);

    now = 0;
    const second = codes.issue();
    const replaced = codes.redeem(await pairingProof(second.code, MAIN), MAIN);
    codes.issue(); // the manager shows a new code meanwhile
    expect(await replaced).toBe(false);
  });
});
