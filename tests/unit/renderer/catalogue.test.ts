/** Issue 12: one French catalogue (shared/i18n/fr/), its keys typed for the screens and for the core. */
import { describe, expect, it } from 'vitest';
import { pt } from '../../../electron/core/printing/catalogue';
import { rt } from '../../../electron/core/reports/catalogue';
import { errorCodeSchema } from '../../../shared/contract';
import { frCatalogue } from '../../../shared/i18n/fr';
import { frBookingsUi } from '../../../shared/i18n/fr/ui/bookings';
import { frCounterUi } from '../../../shared/i18n/fr/ui/counter';
import { frJournalUi } from '../../../shared/i18n/fr/ui/journal';
import { frPrintingUi } from '../../../shared/i18n/fr/ui/printing';
import { frProgrammeUi } from '../../../shared/i18n/fr/ui/programme';
import { frReimbursementsUi } from '../../../shared/i18n/fr/ui/reimbursements';
import { frReportsUi } from '../../../shared/i18n/fr/ui/reports';
import { frScannerUi } from '../../../shared/i18n/fr/ui/scanner';
import { frSettingsUi } from '../../../shared/i18n/fr/ui/settings';
import { frShellUi } from '../../../shared/i18n/fr/ui/shell';
import { frStaffUi } from '../../../shared/i18n/fr/ui/staff';
import { frSyncUi } from '../../../shared/i18n/fr/ui/sync';
import { i18n } from '../../../renderer/i18n';
import { t as coreT } from '../../../shared/i18n';

const SCREEN_FILES = [
  frShellUi,
  frCounterUi,
  frJournalUi,
  frBookingsUi,
  frProgrammeUi,
  frSyncUi,
  frStaffUi,
  frSettingsUi,
  frScannerUi,
  frPrintingUi,
  frReimbursementsUi,
  frReportsUi,
];

describe('the French catalogue', () => {
  it('answers in French for every namespace from one instance, whoever imported it first', () => {
    expect(i18n.t('ui:app.name')).toBe('Guichet pass Culture');
    expect(i18n.t('ui:journal.summary.validations')).toBe('Validations');
    expect(coreT('places', { count: 2 })).toBe('2 places');
    expect(pt('slip.film')).toBe('Film');
    expect(rt('csv.film')).toBe('Film');
  });

  it('gives each screen file its own top-level keys: none is silently replaced by another file', () => {
    const keys = SCREEN_FILES.flatMap((file) => Object.keys(file));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(frCatalogue.ui).sort()).toEqual([...keys].sort());
  });

  it('has a French sentence for every error code the core can raise without its own message', () => {
    const missing = errorCodeSchema.options.filter((code) => !(code in frCatalogue.common.errors));
    expect(missing).toEqual([]);
  });

  it('a misspelt key fails npm run typecheck, for the screens and for the core alike', () => {
    // Each call below must be a type error: were keys no longer typed, the @ts-expect-error lines would fail the
    // typecheck themselves. At run time i18next answers an unknown key with the key.
    const screens = i18n.getFixedT(null, 'ui'); // the `t` of useTranslation('ui')
    // @ts-expect-error -- no such key on the screens
    expect(screens('journal.titel')).toBe('journal.titel');
    // @ts-expect-error -- no such key in the core's messages
    expect(coreT('errors.unknwn_call')).toBe('errors.unknwn_call');
    // @ts-expect-error -- no such key on the slip
    expect(pt('slip.flim')).toBe('slip.flim');
    // @ts-expect-error -- no such key in the reports
    expect(rt('csv.flim')).toBe('csv.flim');
  });
});
