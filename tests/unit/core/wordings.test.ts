/** shared/i18n's `t` keeps wordings it computed (scan path): same answers as i18next, and never a stale one. */
import { describe, expect, it } from 'vitest';
import { i18n, t, type CommonKey } from '../../../shared/i18n';

describe('t', () => {
  it('answers what i18next answers, for plurals and interpolations, asked once or many times', () => {
    for (let round = 0; round < 3; round++) {
      expect(t('places', { count: 1 })).toBe(i18n.t('places', { count: 1 }));
      expect(t('places', { count: 2 })).toBe(i18n.t('places', { count: 2 }));
      expect(t('places', { count: 1 })).not.toBe(t('places', { count: 2 }));
      expect(t('verdict.validated', { places: 'A' })).not.toBe(t('verdict.validated', { places: 'B' }));
      expect(t('verdict.validated', { places: 'A' })).toContain('A');
    }
  });

  it('forgets a wording when a catalogue is added, and never keeps a missing key', () => {
    // A namespace the typed catalogue does not know, added at run time: only a cast can name its key.
    const hello = 'wordingsTest:hello' as CommonKey;
    expect(t(hello)).toBe('hello');
    i18n.addResourceBundle('fr', 'wordingsTest', { hello: 'bonjour' }, true, true);
    expect(t(hello)).toBe('bonjour');
    i18n.addResourceBundle('fr', 'wordingsTest', { hello: 'salut' }, true, true);
    expect(t(hello)).toBe('salut');
  });

  it('does not keep a wording whose parameter is an object', () => {
    const when = { toString: () => 'maintenant' };
    expect(t('verdict.validated', { places: when })).toContain('maintenant');
  });
});
