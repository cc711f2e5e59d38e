/**
 * Stopping the engine, in an order that lets nothing wait on pass Culture and nothing write after the database is
 * closed: platform calls aborted first and their connections closed, then the background work stopped and awaited,
 * the database closed last, the data folder's lock released after it.
 */
import type { FolderLock } from './db/folderLock';
import type { DiskWatch } from './db/diskFull';
import type { EngineEvents } from './engineEvents';
import type { PlatformAccess } from './platformAccess';
import type { Printing } from './printing/printingService';
import type { Scheduler } from './sync/scheduler';
import type { Uploader } from './sync/uploader';

export interface EngineParts {
  platform: PlatformAccess;
  disk: DiskWatch;
  scheduler: Scheduler;
  uploader: Uploader;
  printing: Printing;
  scanning: { close(): Promise<void> };
  /** The background venue refresh (venue.ts). */
  venueRefresh: Promise<unknown>;
  events: EngineEvents;
  housekeeping: { stop(): Promise<unknown> | null };
  stores: { close(): Promise<void> };
  lock: FolderLock;
}

export async function stopEngine(p: EngineParts): Promise<void> {
  p.platform.closing.abort();
  p.platform.budget.stop();
  p.disk.stop();
  p.platform.connectivity().stop();
  await p.platform.closeConnections();
  await p.scheduler.stop();
  await p.uploader.stop();
  await p.printing.close();
  await p.scanning.close();
  await p.venueRefresh;
  p.events.clear();
  await p.housekeeping.stop();
  await p.stores.close();
  p.lock.release();
}
