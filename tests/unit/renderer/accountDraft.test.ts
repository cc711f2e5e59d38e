/** Issue 12: the account form's rules (Réglages): what is missing before a test or a save, which venues stay ticked. */
import { describe, expect, it } from 'vitest';
import type { AccountView, VenueOption } from '../../../shared/contract';
import {
  connectionInput,
  draftProblem,
  formatSiret,
  initialDraft,
  isSameConnection,
  saveProblem,
  venuesAfterTest,
  type AccountDraft,
} from '../../../renderer/screens/settings/account/accountDraft';

const KEY = 'k'.repeat(16);

function account(change: Partial<AccountView> = {}): AccountView {
  return {
    environment: 'production',
    baseUrl: null,
    hasKey: true,
    keyStorage: 'os',
    keyStorageWarning: null,
    fromEnvironment: false,
    venueIds: [1],
    counterName: 'Caisse 1',
    ...change,
  };
}

function venue(id: number): VenueOption {
  return { id, name: `Salle ${id}`, offererName: 'Cinéma', siret: null, address: null, timeZone: 'Europe/Paris' };
}

const draft = (change: Partial<AccountDraft> = {}): AccountDraft => ({
  environment: 'production',
  baseUrl: '',
  apiKey: '',
  ...change,
});

describe('account draft', () => {
  it('starts from the saved account without its key; a demo counter is offered production', () => {
    expect(initialDraft(account({ environment: 'custom', baseUrl: 'https://pc.test' }))).toEqual({
      environment: 'custom',
      baseUrl: 'https://pc.test',
      apiKey: '',
    });
    expect(initialDraft(account({ environment: 'demo', hasKey: false })).environment).toBe('production');
  });

  it('needs a key unless one is stored, at least 16 characters once trimmed', () => {
    expect(draftProblem(draft(), false)).toBe('key_missing');
    expect(draftProblem(draft(), true)).toBeNull();
    expect(draftProblem(draft({ apiKey: ` ${'k'.repeat(15)} ` }), true)).toBe('key_short');
    expect(draftProblem(draft({ apiKey: KEY }), false)).toBeNull();
  });

  it('a custom platform needs an http(s) address before anything else', () => {
    expect(draftProblem(draft({ environment: 'custom', baseUrl: '  ' }), false)).toBe('base_url_missing');
    expect(draftProblem(draft({ environment: 'custom', baseUrl: 'ftp://pc.test' }), true)).toBe('base_url_invalid');
    expect(draftProblem(draft({ environment: 'custom', baseUrl: 'pc.test' }), true)).toBe('base_url_invalid');
    expect(draftProblem(draft({ environment: 'custom', baseUrl: 'http://127.0.0.1:8080' }), true)).toBeNull();
  });

  it('tests with the typed key, or the stored one when none is typed; the address only for a custom platform', () => {
    expect(connectionInput(draft({ apiKey: ` ${KEY} `, baseUrl: 'https://ignored' }))).toEqual({
      environment: 'production',
      apiKey: KEY,
    });
    expect(connectionInput(draft({ environment: 'custom', baseUrl: ' https://pc.test ' }))).toEqual({
      environment: 'custom',
      baseUrl: 'https://pc.test',
    });
  });

  it('is the same connection when only venues or the counter name change', () => {
    expect(isSameConnection(draft(), account())).toBe(true);
    expect(isSameConnection(draft({ apiKey: KEY }), account())).toBe(false);
    expect(isSameConnection(draft({ environment: 'integration' }), account())).toBe(false);
  });

  it('after a test, keeps the venues still reachable; with none left and one on offer, ticks that one', () => {
    expect(venuesAfterTest([1, 2], [venue(2), venue(3)])).toEqual([2]);
    expect(venuesAfterTest([1], [venue(5)])).toEqual([5]);
    expect(venuesAfterTest([1], [venue(5), venue(6)])).toEqual([]);
  });

  it('cannot be saved without a venue ticked or a counter name', () => {
    expect(saveProblem(draft(), false, [1], 'Caisse')).toBe('key_missing');
    expect(saveProblem(draft(), true, [], 'Caisse')).toBe('no_venue');
    expect(saveProblem(draft(), true, [1], '  ')).toBe('no_counter_name');
    expect(saveProblem(draft(), true, [1], 'Caisse')).toBeNull();
  });

  it('writes a SIRET as on official papers, anything else as it came', () => {
    expect(formatSiret('83265490900015')).toBe('832 654 909 00015');
    expect(formatSiret('8326549090001')).toBe('8326549090001');
  });
});
