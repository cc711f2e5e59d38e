/**
 * Browser mode: the contract over one WebSocket to the loopback host (format in shared/wire.ts).
 * Calls made while the first connection opens wait for it; calls made while the link is lost answer at once
 * with an error envelope, so the guichet never hangs. The socket reconnects with a growing delay.
 */
import { z } from 'zod';
import {
  calls,
  errorCodeSchema,
  events,
  type CallInput,
  type CallName,
  type CallOutput,
  type ContractError,
  type Envelope,
  type EventName,
  type EventPayload,
  type GuichetApi,
} from '../../shared/contract';
import { EVENT_NAMES } from '../../shared/channels';
import {
  CLOSE_TOO_BIG,
  isOverRequestLimit,
  MAX_REQUEST_BYTES,
  SESSION_PARAM,
  WS_PATH,
  wsMessageSchema,
} from '../../shared/wire';
import { i18n } from '../i18n';
import type { CoreLink, LinkState } from './coreLink';

/** The limit in the manager's words: "8 Mo". */
function tooLargeMessage(): string {
  return i18n.t('ui:link.too_large', { max: Math.round(MAX_REQUEST_BYTES / (1024 * 1024)) });
}

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000];
const MAX_RECONNECT_DELAY_MS = 5000;
/** A safety net only: the engine bounds its own platform calls well below this. */
const CALL_TIMEOUT_MS = 30_000;

interface PendingCall {
  settle(raw: unknown): void;
  fail(error: ContractError): void;
  timer: number;
}

type RawListener = (payload: unknown) => void;

export class WebSocketGuichetApi implements GuichetApi, CoreLink {
  readonly #url: string | null;
  #socket: WebSocket | null = null;
  #state: LinkState;
  #hasEverOpened = false;
  #failedAttempts = 0;
  #nextId = 1;
  readonly #pending = new Map<number, PendingCall>();
  /** Requests waiting for the socket being opened. */
  #waiting: string[] = [];
  readonly #listeners = new Map<EventName, Set<RawListener>>();
  readonly #linkListeners = new Set<() => void>();

  /** `sessionToken` null: the page was opened without its session link; nothing can be reached. */
  constructor(sessionToken: string | null) {
    if (sessionToken === null) {
      this.#url = null;
      this.#state = { status: 'no_session', reconnections: 0 };
      return;
    }
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    this.#url = `${scheme}://${window.location.host}${WS_PATH}?${SESSION_PARAM}=${encodeURIComponent(sessionToken)}`;
    this.#state = { status: 'connecting', reconnections: 0 };
    this.#connect();
  }

  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Envelope<CallOutput<N>>> {
    const refusal = this.#refusal();
    if (refusal) return Promise.resolve(linkFailure(refusal));
    const id = this.#nextId++;
    const request = JSON.stringify({ id, name, input });
    // The host closes the socket on a message over its limit: say so here, and send nothing.
    if (isOverRequestLimit(request)) return Promise.resolve(linkFailure(tooLargeMessage()));

    return new Promise<Envelope<CallOutput<N>>>((resolve) => {
      const timer = window.setTimeout(() => {
        this.#pending.delete(id);
        resolve(linkFailure(i18n.t('ui:link.timeout')));
      }, CALL_TIMEOUT_MS);
      this.#pending.set(id, {
        settle: (raw) => resolve(parseEnvelope(name, raw) ?? linkFailure(i18n.t('ui:link.malformed'))),
        fail: (error) => resolve({ ok: false, error }),
        timer,
      });
      if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(request);
      else this.#waiting.push(request);
    });
  }

  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
    const raw: RawListener = (payload) => {
      const parsed = events[name].safeParse(payload);
      // The schema is `events[name]`, so a success is exactly this event's payload.
      if (parsed.success) listener(parsed.data as EventPayload<N>);
    };
    let set = this.#listeners.get(name);
    if (!set) {
      set = new Set();
      this.#listeners.set(name, set);
    }
    set.add(raw);
    return () => {
      set.delete(raw);
    };
  }

  getState(): LinkState {
    return this.#state;
  }

  subscribe(listener: () => void): () => void {
    this.#linkListeners.add(listener);
    return () => {
      this.#linkListeners.delete(listener);
    };
  }

  /** Why a call cannot be sent now, or null when it can (or can wait for the first connection). */
  #refusal(): string | null {
    if (this.#state.status === 'no_session') return i18n.t('ui:link.no_session');
    if (this.#state.status === 'lost') return i18n.t('ui:link.lost');
    return null;
  }

  #setState(state: LinkState): void {
    this.#state = state;
    for (const listener of this.#linkListeners) listener();
  }

  #connect(): void {
    if (this.#url === null) return;
    const socket = new WebSocket(this.#url);
    this.#socket = socket;
    socket.addEventListener('open', () => {
      const isReconnection = this.#hasEverOpened || this.#state.status === 'lost';
      this.#hasEverOpened = true;
      this.#failedAttempts = 0;
      for (const request of this.#waiting) socket.send(request);
      this.#waiting = [];
      this.#setState({
        status: 'open',
        reconnections: this.#state.reconnections + (isReconnection ? 1 : 0),
      });
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => this.#receive(event.data));
    socket.addEventListener('close', (event) => this.#onClose(socket, event.code));
  }

  #onClose(socket: WebSocket, code: number): void {
    if (this.#socket !== socket) return;
    this.#socket = null;
    this.#waiting = [];
    // 1009: the host refused a message over its limit (only when a page bypasses the check in call()).
    const message = code === CLOSE_TOO_BIG ? tooLargeMessage() : i18n.t('ui:link.lost');
    const error: ContractError = { code: 'internal', message };
    for (const [id, pending] of this.#pending) {
      window.clearTimeout(pending.timer);
      this.#pending.delete(id);
      pending.fail(error);
    }
    if (this.#state.status !== 'lost') this.#setState({ ...this.#state, status: 'lost' });
    const delay = RECONNECT_DELAYS_MS[this.#failedAttempts] ?? MAX_RECONNECT_DELAY_MS;
    this.#failedAttempts += 1;
    window.setTimeout(() => this.#connect(), delay);
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const message = wsMessageSchema.safeParse(json);
    if (!message.success) return;
    if (message.data.type === 'reply') {
      const pending = this.#pending.get(message.data.id);
      if (!pending) return; // timed out already
      this.#pending.delete(message.data.id);
      window.clearTimeout(pending.timer);
      pending.settle(message.data.envelope);
      return;
    }
    // The host could not read one of our frames (a bug on our side): nothing waits for it.
    if (message.data.type === 'error') return;
    const { name: eventName, payload } = message.data;
    const name = EVENT_NAMES.find((known) => known === eventName);
    if (!name) return;
    for (const listener of this.#listeners.get(name) ?? []) listener(payload);
  }
}

/** The envelope a call gets when the page cannot reach the engine: code `internal`, message for the cashier. */
function linkFailure(message: string): { ok: false; error: ContractError } {
  return { ok: false, error: { code: 'internal', message } };
}

/**
 * Replies cross the WebSocket as untyped JSON: each envelope is checked against the contract's output schema
 * of its call before a screen sees it. An unknown error code still carries its French message.
 */
const errorSchema = z.object({ code: errorCodeSchema.catch('internal'), message: z.string() });

const envelopeSchemas = new Map<CallName, z.ZodType>();

function envelopeSchema(name: CallName): z.ZodType {
  let schema = envelopeSchemas.get(name);
  if (!schema) {
    schema = z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: calls[name].output }),
      z.object({ ok: z.literal(false), error: errorSchema }),
    ]);
    envelopeSchemas.set(name, schema);
  }
  return schema;
}

/** The envelope of a `name` reply, or null when it does not match the contract. */
function parseEnvelope<N extends CallName>(name: N, raw: unknown): Envelope<CallOutput<N>> | null {
  const result = envelopeSchema(name).safeParse(raw);
  // The schema above is built from `calls[name].output`, so a success is exactly this call's envelope.
  return result.success ? (result.data as Envelope<CallOutput<N>>) : null;
}
