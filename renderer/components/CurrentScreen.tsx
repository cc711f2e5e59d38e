import { useState } from 'react';
import { BookingsScreen } from '../screens/bookings/BookingsScreen';
import type { SeanceTarget } from '../screens/bookings/seanceTarget';
import { CounterScreen } from '../screens/counter/CounterScreen';
import { JournalScreen } from '../screens/journal/JournalScreen';
import { PrintingScreen } from '../screens/printing/PrintingScreen';
import { ReimbursementsScreen } from '../screens/reimbursements/ReimbursementsScreen';
import { EndOfDayScreen } from '../screens/reports/EndOfDayScreen';
import { ProgrammeScreen } from '../screens/programme/ProgrammeScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { SyncScreen } from '../screens/sync/SyncScreen';
import type { ScreenName } from './screenName';

interface CurrentScreenProps {
  screen: ScreenName;
  onNavigate: (screen: ScreenName) => void;
}

/** The screen chosen in the header; Escape on the others goes back to the guichet. */
export function CurrentScreen({ screen, onNavigate }: CurrentScreenProps) {
  /** The séance last opened from the Programme, shown again when coming back to Réservations. */
  const [seance, setSeance] = useState<SeanceTarget | null>(null);
  const back = () => onNavigate('counter');

  switch (screen) {
    case 'counter':
      return <CounterScreen />;
    case 'journal':
      return <JournalScreen onBack={back} />;
    case 'programme':
      return (
        <ProgrammeScreen
          onBack={back}
          onOpenSeance={(target) => {
            setSeance(target);
            onNavigate('bookings');
          }}
        />
      );
    case 'bookings':
      return <BookingsScreen target={seance} onOpenProgramme={() => onNavigate('programme')} onBack={back} />;
    case 'sync':
      return <SyncScreen onBack={back} />;
    case 'printing':
      return <PrintingScreen onBack={back} />;
    case 'reimbursements':
      return <ReimbursementsScreen onBack={back} />;
    case 'reports':
      return <EndOfDayScreen onBack={back} />;
    case 'settings':
      return <SettingsScreen />;
  }
}
