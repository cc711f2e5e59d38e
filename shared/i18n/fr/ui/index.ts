/** The screens' French strings (namespace `ui`), one file per screen; each top-level key belongs to one file. */
import { frBookingsUi } from './bookings';
import { frCounterUi } from './counter';
import { frJournalUi } from './journal';
import { frPrintingUi } from './printing';
import { frProgrammeUi } from './programme';
import { frReimbursementsUi } from './reimbursements';
import { frReportsUi } from './reports';
import { frScannerUi } from './scanner';
import { frSettingsUi } from './settings';
import { frShellUi } from './shell';
import { frStaffUi } from './staff';
import { frSyncUi } from './sync';

export const frUi = {
  ...frShellUi,
  ...frCounterUi,
  ...frJournalUi,
  ...frBookingsUi,
  ...frProgrammeUi,
  ...frSyncUi,
  ...frSettingsUi,
  ...frScannerUi,
  ...frPrintingUi,
  ...frReimbursementsUi,
  ...frReportsUi,
  ...frStaffUi,
} as const;
