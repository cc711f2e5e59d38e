/**
 * A secondary counter's link to its main counter once paired (pairingClient.ts): one WebSocket over TLS carrying the
 * contract's frames, and the LAN-only requests (replica pages, hand-over, report). The main counter's certificate is pinned: a connection is accepted only when the server presents exactly
 * the certificate recorded at pairing (its SHA-256), whatever address it answers on. Every frame from the LAN is
 * `unknown` until parsed (shared/wire.ts). Calls made while the link is down fail at once with `main_unreachable`;
 * the link comes back by itself.
 */
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { t } from '../../shared/i18n';
import { z } from 'zod';
import { events, type CallName, type Envelope, type EventName } from '../../shared/contract';
import {
  LAN_WS_PATH,
  HANDOVER,
  handoverAnswerSchema,
  LAN_REPORT,
  REPLICA_PULL,
  replicaAnswerSchema,
  type HandoverAction,
  type HandoverAnswer,
  type LanPerson,
  type LanReport,
  type ReplicaAnswer,
  type ReplicaPull,
} from '../../shared/lanWire';
import { wsMessageSchema } from '../../shared/wire';
import { pinned } from './pairingClient';
import type { MainLink } from './lanStore';
import { envelopeOf, isEventName, lanEnvelope } from './mainReplies';

const CALL_TIMEOUT_MS = 5_000;
const RECONNECT_MS = 1_000;

export interface MainConnection {
  /** `person`: who is signed in at this screen (null without a team), for the main counter's rows. */
  call(name: CallName, input: unknown, person?: LanPerson | null): Promise<Envelope<unknown>>;
  /** One page of the replica (LAN-only request); null when the link is down or the answer does not parse. */
  pull(request: ReplicaPull): Promise<ReplicaAnswer | null>;
  /** Autonomous actions handed over (LAN-only); null when the link is down or the answer does not parse. */
  handOver(actions: HandoverAction[]): Promise<HandoverAnswer | null>;
  /** Tells the main counter how many actions wait to be handed over (its manager's view). */
  report(report: LanReport): Promise<void>;
  isConnected(): boolean;
  lastContactAt(): string | null;
  close(): void;
}

export interface MainConnectionOptions {
  link: MainLink;
  logger: Logger;
  onEvent: (name: EventName, payload: unknown) => void;
  /** Connected, disconnected, or refused for good (revoked: 4403 / 401). */
  onState: (state: 'connected' | 'disconnected' | 'revoked') => void;
}

export function connectToMain(options: MainConnectionOptions): MainConnection {
  const { link, logger } = options;
  // Each waiting request knows how to read its reply (a contract call's output schema, or the replica's).
  const pending = new Map<
    number,
    { read: (raw: unknown) => Envelope<unknown>; resolve: (e: Envelope<unknown>) => void; timer: NodeJS.Timeout }
  >();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let connected = false;
  let closed = false;
  let lastContact: string | null = null;
  let retry: NodeJS.Timeout | null = null;

  function unreachable(): Envelope<unknown> {
    return { ok: false, error: { code: 'main_unreachable', message: t('errors.main_unreachable') } };
  }

  function open(): void {
    if (closed) return;
    const url = `${link.url.replace(/^https:/, 'wss:')}${LAN_WS_PATH}`;
    const ws = new WebSocket(url, {
      headers: { authorization: `Bearer ${link.token}` },
      handshakeTimeout: 3_000,
      // Small JSON frames on a LAN: compressing them costs more time than it saves.
      perMessageDeflate: false,
      ...pinned(link.certificate, link.fingerprint),
    });
    socket = ws;
    let refused = false;
    ws.on('open', () => {
      connected = true;
      lastContact = new Date().toISOString();
      logger.info({ main: link.url }, 'connected to the main counter');
      options.onState('connected');
    });
    ws.on('unexpected-response', (_request, response) => {
      refused = response.statusCode === 401;
      ws.terminate();
    });
    ws.on('message', (data) => receive(data.toString()));
    ws.on('error', (error) => logger.debug({ err: String(error) }, 'main counter link error'));
    ws.on('close', (code) => {
      const wasConnected = connected;
      connected = false;
      socket = null;
      for (const [, waiting] of pending) {
        clearTimeout(waiting.timer);
        waiting.resolve(unreachable());
      }
      pending.clear();
      if (refused || code === 4403 || code === 4401) {
        logger.warn({ main: link.url }, 'the main counter refused this counter (revoked or unpaired)');
        options.onState('revoked');
        return;
      }
      if (wasConnected) {
        logger.warn({ main: link.url }, 'main counter link lost');
        options.onState('disconnected');
      }
      if (!closed) retry = setTimeout(open, RECONNECT_MS);
    });
  }

  function receive(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return logger.warn('main counter sent a frame that is not JSON');
    }
    const message = wsMessageSchema.safeParse(json);
    if (!message.success) return logger.warn('main counter sent a frame that is not a message');
    lastContact = new Date().toISOString();
    const m = message.data;
    if (m.type === 'reply') {
      const waiting = pending.get(m.id);
      if (!waiting) return;
      pending.delete(m.id);
      clearTimeout(waiting.timer);
      waiting.resolve(waiting.read(m.envelope));
    } else if (m.type === 'event' && isEventName(m.name)) {
      const payload = events[m.name].safeParse(m.payload);
      if (payload.success) options.onEvent(m.name, payload.data);
      else logger.warn({ event: m.name }, 'main counter sent an event that does not match the contract');
    }
  }

  function send(
    name: string,
    input: unknown,
    person: LanPerson | null,
    read: (raw: unknown) => Envelope<unknown>,
  ): Promise<Envelope<unknown>> {
    const ws = socket;
    if (!ws || !connected || ws.readyState !== WebSocket.OPEN) return Promise.resolve(unreachable());
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(unreachable());
      }, CALL_TIMEOUT_MS);
      pending.set(id, { read, resolve, timer });
      ws.send(JSON.stringify({ id, name, input, person }));
    });
  }

  /** A LAN-only request: its answer checked against its own schema (shared/lanWire.ts). */
  async function lanRequest<T>(name: string, input: unknown, schema: z.ZodType<T>): Promise<T | null> {
    const envelope = await send(name, input, null, (raw) => {
      const parsed = lanEnvelope(schema).safeParse(raw);
      return parsed.success ? (parsed.data as Envelope<unknown>) : unreachable();
    });
    return envelope.ok ? (envelope.value as T) : null;
  }

  open();
  return {
    call(name, input, person = null) {
      return send(name, input, person, (raw) => envelopeOf(name, raw));
    },
    pull: (request) => lanRequest(REPLICA_PULL, request, replicaAnswerSchema),
    handOver: (actions) => lanRequest(HANDOVER, { actions }, handoverAnswerSchema),
    report: async (report) => void (await lanRequest(LAN_REPORT, report, z.object({}))),
    isConnected: () => connected,
    lastContactAt: () => lastContact,
    close() {
      closed = true;
      if (retry) clearTimeout(retry);
      socket?.terminate();
    },
  };
}
