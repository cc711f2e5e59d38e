/**
 * The engine's data folder, opened for one engine: locked, made private, its database opened (the lock released
 * again when that fails), and the uploads a stop interrupted put back to be checked before anything counts them.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import { lockFolder, type FolderLock } from './db/folderLock';
import { restrictTree } from './db/privateFiles';
import { openStores, type Stores } from './db/stores';
import type { CoreDeps } from './types';

export const DATABASE_FILE = 'guichet.sqlite';

export interface EngineData {
  lock: FolderLock;
  stores: Stores & { close(): Promise<void> };
}

export function openEngineData(deps: CoreDeps, clock: () => Date, logger: Logger): EngineData {
  // One engine per data folder (folderLock.ts): a second one is refused before it touches anything.
  const lock = lockFolder(deps.dataDir, deps.lockHolder ?? 'engine');
  let stores: Stores & { close(): Promise<void> };
  try {
    restrictTree(deps.dataDir);
    stores = openStores(path.join(deps.dataDir, DATABASE_FILE), clock, deps.counterName, logger);
  } catch (error) {
    lock.release();
    throw error;
  }
  const interrupted = stores.queue.recoverInterrupted();
  if (interrupted > 0)
    logger.warn({ interrupted }, 'uploads interrupted by a stop: they will be checked before counting');
  return { lock, stores };
}
