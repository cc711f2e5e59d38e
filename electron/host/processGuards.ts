/**
 * Last-resort handlers for both hosts (Electron main, browser mode): an error nobody caught is written to the log
 * (causes stripped by the logger's serializer) instead of killing the counter mid-evening. The ledger needs nothing
 * more to stay safe: every write is a SQLite transaction, so whatever was interrupted left either all or nothing.
 * Should such errors keep coming (a loop gone wrong), the host is asked to stop cleanly (`onRepeated`: close the
 * engine, ledger included, then leave) rather than run on in a broken state.
 */
import type { Logger } from 'pino';

export interface GuardOptions {
  logger: Pick<Logger, 'error' | 'fatal'>;
  /** Called once when more than `maxPerMinute` uncaught exceptions happened within a minute. */
  onRepeated: () => void;
  maxPerMinute?: number;
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export function installProcessGuards(options: GuardOptions): () => void {
  const target = options.target ?? process;
  const max = options.maxPerMinute ?? 5;
  const recent: number[] = [];
  let gaveUp = false;
  const onRejection = (reason: unknown) => options.logger.error({ err: reason }, 'unhandled rejection');
  const onException = (error: unknown) => {
    options.logger.fatal({ err: error }, 'uncaught exception');
    const now = performance.now();
    recent.push(now);
    while (recent.length > 0 && recent[0]! < now - 60_000) recent.shift();
    if (recent.length > max && !gaveUp) {
      gaveUp = true;
      options.onRepeated();
    }
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
