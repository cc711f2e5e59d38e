/**
 * Event fan-out, written once for the core and the host's supervisor: listeners added and removed, each event given
 * to every listener, a listener that throws logged and never in the way of the others.
 */
import type { Logger } from 'pino';
import type { EventName } from '../../shared/channels';
import type { EventListener } from './types';

export function createEventHub(logger: Logger) {
  const listeners = new Set<EventListener>();
  return {
    /** Gives `payload` to every listener now. */
    deliver(name: EventName, payload: unknown): void {
      for (const listener of listeners) {
        try {
          listener(name, payload);
        } catch (error) {
          logger.error({ err: error, event: name }, 'event listener failed');
        }
      }
    },
    /** Adds a listener; returns its removal. */
    on(listener: EventListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    /** Whether anyone listens (a status nobody reads need not be computed). */
    hasListeners(): boolean {
      return listeners.size > 0;
    },
    clear(): void {
      listeners.clear();
    },
  };
}
