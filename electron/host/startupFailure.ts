/**
 * What a person is told when the engine cannot start: in French, never SQLite's or Node's English. The error itself
 * (with its stack) goes to the log; the screen, the dialog or the terminal get one sentence that says what to do.
 */
import { DatabaseDamagedError, NewerDatabaseError } from '../core/db/open';
import { FolderLockedError } from '../core/db/folderLock';
import { isDiskFull } from '../core/db/diskFull';

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function startupFailureMessage(error: unknown): string {
  if (
    error instanceof FolderLockedError ||
    error instanceof DatabaseDamagedError ||
    error instanceof NewerDatabaseError
  )
    return error.message;
  if (error instanceof Error && error.name === 'ConfigError') return error.message;
  if (isDiskFull(error)) {
    return 'Disque plein : le guichet ne peut pas enregistrer ses données. Libérez de la place, puis relancez-le.';
  }
  const code = codeOf(error);
  if (
    ['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'].some((c) => code.startsWith(c))
  ) {
    return (
      'Le dossier de données du guichet ne peut pas être ouvert en écriture (droits, disque retiré ou en lecture ' +
      'seule). Vérifiez-le (COUNTER_DATA_DIR), puis relancez le guichet.'
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return 'Erreur de lecture ou d’écriture sur le disque : vérifiez le disque, puis relancez le guichet.';
  }
  if (code === 'EADDRINUSE') return 'Le port choisi (COUNTER_PORT) est déjà utilisé : choisissez-en un autre.';
  return 'Le moteur du guichet n’a pas pu démarrer. Le détail technique est dans le journal (dossier logs).';
}
