/**
 * The main counter's LAN listener: HTTPS with its self-signed certificate (certificate.ts), and on it
 * - `GET /lan/hello`: nothing but the TLS handshake, so a secondary can read the certificate it is about to pin;
 * - `POST /lan/pair`: a single-use code's proof (pairing.ts) buys a secondary its own token;
 * - `GET /lan/ws`: the contract's frames (shared/wire.ts, as browser mode), with `Authorization: Bearer <token>`.
 * A secondary may only make the calls granted to it (shared/lanWire.ts); each runs as that counter (actingCounter.ts).
 * Nothing else answers: no renderer, no other route; an unknown or revoked token is refused, and revoking a secondary
 * closes its connection at once.
 */
import crypto from 'node:crypto';
import Fastify from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { t } from '../../shared/i18n';
import {
  LAN_HELLO_PATH,
  LAN_PAIR_PATH,
  LAN_WS_PATH,
  pairRequestSchema,
  type HandoverAction,
  type HandoverAnswer,
  type LanReport,
  type ReplicaAnswer,
  type ReplicaPull,
} from '../../shared/lanWire';
import { MAX_REQUEST_BYTES } from '../../shared/wire';
import type { Caller } from '../core/staff/actor';
import type { Envelope, EventName } from '../../shared/contract';
import type { LanCertificate } from './certificate';
import { answerFrame, sendFrame } from './secondaryFrames';

export interface PairedSecondary {
  id: string;
  name: string;
}

export interface MainListenerOptions {
  certificate: LanCertificate;
  /** 0.0.0.0 on a cinema's LAN; 127.0.0.1 in tests and the one-machine demo. */
  host: string;
  port: number;
  logger: Logger;
  /** The contract, as this counter's own screen has it. */
  dispatch: (name: unknown, input: unknown, caller: Caller) => Promise<Envelope<unknown>>;
  /** The secondary a token belongs to (not revoked), or null. */
  secondaryOfToken: (token: string) => PairedSecondary | null;
  /**
   * A valid proof of the code on show: the new secondary's id and token; null when refused; `name_taken` when the
   * name is the main counter's or another secondary's (the code is not spent: rename, then try again).
   */
  pair: (
    name: string,
    proof: string,
    address: string,
  ) => Promise<{ id: string; token: string; mainName: string } | 'name_taken' | null>;
  /** One page of the replica for a secondary (core/replica.ts); absent: the engine offers none. */
  replica?: (pull: ReplicaPull) => ReplicaAnswer;
  /** A secondary's autonomous actions, recorded once each (core/handover.ts). */
  handover?: (secondary: PairedSecondary, actions: HandoverAction[]) => HandoverAnswer;
  /** What a secondary says waits to be handed over. */
  report?: (secondary: PairedSecondary, report: LanReport) => void;
  /** A secondary called or connected (its last contact and address, for the manager's list). */
  seen: (id: string, address: string, connected: boolean) => void;
}

export interface MainListener {
  port: number;
  /** Closes the connections of a secondary (revoked). */
  disconnect(id: string): void;
  /** Passes an event on to every connected secondary, or to one (`to`: a late verdict belongs to its counter). */
  broadcast(name: EventName, payload: unknown, to?: string): void;
  connected(): Set<string>;
  close(): Promise<void>;
}

function bearer(header: unknown): string {
  if (typeof header !== 'string') return '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match?.[1] ?? '';
}

export async function startMainListener(options: MainListenerOptions): Promise<MainListener> {
  const { logger } = options;
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    https: { cert: options.certificate.cert, key: options.certificate.key },
    bodyLimit: 4096,
  });
  const sockets = new Map<WebSocket, PairedSecondary>();

  app.addHook('onResponse', async (request, reply) => {
    if (request.headers.upgrade !== undefined && reply.statusCode >= 400) request.raw.socket?.destroy();
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_REQUEST_BYTES } });

  app.get(LAN_HELLO_PATH, async (_request, reply) => reply.code(204).send());

  app.post(LAN_PAIR_PATH, async (request, reply) => {
    const parsed = pairRequestSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ message: t('errors.pairing_failed') });
    const paired = await options.pair(parsed.data.name, parsed.data.proof, request.ip);
    if (paired === 'name_taken') return reply.code(409).send({ reason: 'name_taken' });
    if (!paired) {
      logger.warn({ address: request.ip }, 'pairing refused');
      return reply.code(403).send({ message: t('errors.pairing_failed') });
    }
    logger.info({ address: request.ip, secondary: paired.id }, 'secondary counter paired');
    return reply.code(200).send(paired);
  });

  app.get(
    LAN_WS_PATH,
    {
      websocket: true,
      preValidation: async (request, reply) => {
        if (options.secondaryOfToken(bearer(request.headers.authorization)) === null) {
          logger.warn({ address: request.ip }, 'LAN connection without a valid token refused');
          return reply.code(401).send('Poste non associé');
        }
      },
    },
    (socket, request) => {
      const secondary = options.secondaryOfToken(bearer(request.headers.authorization));
      if (!secondary) return socket.close(4401, 'unpaired');
      const address = request.ip;
      sockets.set(socket, secondary);
      options.seen(secondary.id, address, true);
      socket.on('close', () => {
        sockets.delete(socket);
        options.seen(
          secondary.id,
          address,
          [...sockets.values()].some((s) => s.id === secondary.id),
        );
      });
      socket.on('message', (data) => {
        // Revoked since the connection opened: nothing more is answered.
        if (!sockets.has(socket)) return;
        void answerFrame(socket, secondary, address, data.toString(), options, logger);
      });
    },
  );

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  logger.info({ host: options.host, port }, 'LAN listener started (main counter)');

  return {
    port,
    disconnect(id) {
      for (const [socket, secondary] of sockets) {
        if (secondary.id === id) {
          sockets.delete(socket);
          socket.close(4403, 'revoked');
          setTimeout(() => socket.terminate(), 500).unref();
        }
      }
    },
    broadcast(name, payload, to) {
      for (const [socket, secondary] of sockets) {
        if (to === undefined || secondary.name === to) sendFrame(socket, { type: 'event', name, payload });
      }
    },
    connected() {
      return new Set([...sockets.values()].map((s) => s.id));
    },
    async close() {
      for (const socket of sockets.keys()) socket.terminate();
      sockets.clear();
      await app.close();
    },
  };
}

/** A token for a new secondary: 32 random bytes. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}
