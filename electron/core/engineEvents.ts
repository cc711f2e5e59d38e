/**
 * The engine's events as its services raise them: each delivered on the next turn of the event loop, so the answer to
 * the call that caused it reaches the screen first (eventHub.ts does the fan-out).
 */
import type { Logger } from 'pino';
import type { EventName, EventPayload } from '../../shared/contract';
import { createEventHub } from './eventHub';

export type Emit = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

export function createEngineEvents(logger: Logger) {
  const hub = createEventHub(logger);
  /**
   * Events are delivered on the next turn of the event loop: the answer to the call that caused them (a verdict)
   * reaches the renderer first, before the screens that refresh on `ledger.changed` start asking for data.
   */
  function emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    setImmediate(() => hub.deliver(name, payload));
  }
  return { ...hub, emit };
}

export type EngineEvents = ReturnType<typeof createEngineEvents>;
