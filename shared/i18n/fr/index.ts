/**
 * The French catalogue, one namespace per reader: `common` for what the core and the screens both word (errors,
 * verdicts, places), `ui` for the screens, `printing` and `reports` for what the core prints or exports.
 * Interpolation: `{{name}}`; plurals: `key_one` / `key_other`, asked for as `key` with `count`.
 */
import { frCommon } from './common';
import { frPrinting } from './printing';
import { frReports } from './reports';
import { frUi } from './ui';

export const frCatalogue = {
  common: frCommon,
  ui: frUi,
  printing: frPrinting,
  reports: frReports,
} as const;
