/** The screens' memoised `t` (renderer/i18n): the same wordings as i18next's own, parameters and plurals included. */
import { describe, expect, it } from 'vitest';
import { i18n, useTranslation } from '../../../renderer/i18n';

describe('useTranslation', () => {
  it('words plurals and parameters as i18next does, each call with its own values', () => {
    const { t } = useTranslation(['ui', 'common']);
    const raw = i18n.getFixedT('fr', ['ui', 'common']);
    for (const count of [1, 2, 1, 3]) {
      expect(t('common:places', { count })).toBe(raw('common:places', { count }));
    }
    expect(t('common:places', { count: 1 })).not.toBe(t('common:places', { count: 2 }));
    expect(t('time.minutes_ago', { count: 5 })).toBe(raw('time.minutes_ago', { count: 5 }));
  });

  it('keeps one function per namespace set, and namespaces apart', () => {
    expect(useTranslation('ui').t).toBe(useTranslation('ui').t);
    expect(useTranslation('ui').t).not.toBe(useTranslation(['ui', 'common']).t);
  });

  it('falls back to the default value for an outcome the catalogue lacks', () => {
    const { t } = useTranslation('ui');
    const text = t('journal.outcome.not_in_catalogue' as 'journal.no_value', { defaultValue: 'Autre' });
    expect(text).toBe('Autre');
  });
});
