/**
 * Closing the core when the app quits: each step runs once, a failing step does not skip the next one, and the
 * whole is bounded so a stuck close can never keep a dead guichet window open.
 */
import type { Logger } from 'pino';

export interface ShutdownStep {
  name: string;
  run: () => Promise<void> | void;
}

export function createShutdown(
  steps: readonly ShutdownStep[],
  options: { timeoutMs: number; logger: Pick<Logger, 'error' | 'warn'> },
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const runAll = async (): Promise<void> => {
    for (const step of steps) {
      try {
        await step.run();
      } catch (err) {
        options.logger.error({ err, step: step.name }, 'shutdown step failed');
      }
    }
  };
  return () => {
    running ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        options.logger.warn({ timeoutMs: options.timeoutMs }, 'shutdown took too long, quitting anyway');
        resolve();
      }, options.timeoutMs);
      void runAll().finally(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    return running;
  };
}
