/**
 * Browser-mode host: serves the built renderer on 127.0.0.1 and carries the contract over one WebSocket.
 * Only a page opened with this run's session token can talk to the core: the token is checked on the
 * WebSocket upgrade (constant time), and Host/Origin must be this loopback address (no DNS rebinding,
 * no cross-site WebSocket).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { MAX_REQUEST_BYTES, SESSION_PARAM, WS_PATH, wsRequestSchema, type WsMessage } from '../../shared/wire';
import type { Core } from '../core/types';
import type { Caller } from '../core/staff/actor';

export interface WebHostOptions {
  core: Core;
  /** Folder of the built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  logger: Logger;
  /** Fixed in tests; random per run otherwise. */
  sessionToken?: string;
}

export interface WebHost {
  /** Page URL including the session token: the one line printed for the user. */
  url: string;
  port: number;
  close(): Promise<void>;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, logger } = options;
  if (!fs.existsSync(path.join(options.staticDir, 'index.html'))) {
    throw new Error(`Interface introuvable dans ${options.staticDir} : lancez « npm run build » d'abord.`);
  }
  const session = options.sessionToken ?? crypto.randomBytes(24).toString('base64url');
  // forceCloseConnections: close() ends every socket, so a stop never waits on a client.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  let origin = '';
  const sockets = new Set<WebSocket>();

  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.host !== new URL(origin).host) return reply.code(421).send('Misdirected request');
  });
  // A refused WebSocket upgrade (wrong Host, Origin or session) must not leave its socket open: the upgrade
  // socket is outside the HTTP server's keep-alive handling, and an orphan one kept browser mode from stopping.
  app.addHook('onResponse', async (request, reply) => {
    if (request.headers.upgrade !== undefined && reply.statusCode >= 400) request.raw.socket?.destroy();
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer'); // the page URL carries the session token
    reply.header('Cache-Control', 'no-store');
  });

  // Over the limit, ws closes the socket with 1009 "Message Too Big"; the page checks the size before sending.
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_REQUEST_BYTES } });
  await app.register(fastifyStatic, { root: path.resolve(options.staticDir), index: 'index.html' });

  app.get(
    WS_PATH,
    {
      websocket: true,
      preValidation: async (request, reply) => {
        const query = request.query as Record<string, unknown>;
        const given = typeof query[SESSION_PARAM] === 'string' ? query[SESSION_PARAM] : '';
        if (request.headers.origin !== origin || !sameSecret(given, session)) {
          return reply.code(401).send('Session invalide');
        }
      },
    },
    (socket) => {
      // Each page is a screen of its own for the engine: who is signed in there (staff/actor.ts). The id never
      // leaves this host, so a page cannot borrow another one's session.
      const caller: Caller = { terminal: `web-${crypto.randomBytes(12).toString('hex')}` };
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        core.forgetTerminal(caller.terminal);
      });
      socket.on('message', (data) => {
        void answer(socket, data.toString(), caller);
      });
    },
  );

  /**
   * Answers one frame. A frame that is not a request still gets an answer — an error naming the request's id when it
   * has one — so a caller never waits for a reply that will not come.
   */
  async function answer(socket: WebSocket, text: string, caller: Caller): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return send(socket, { type: 'error', id: null, error: notARequest('ce message n’est pas du JSON') });
    }
    const request = wsRequestSchema.safeParse(json);
    if (!request.success) {
      const id = (json as { id?: unknown } | null)?.id;
      const error = notARequest('attendu : { id, name, input }');
      if (Number.isSafeInteger(id))
        return send(socket, { type: 'reply', id: id as number, envelope: { ok: false, error } });
      return send(socket, { type: 'error', id: null, error });
    }
    const envelope = await core.dispatch(request.data.name, request.data.input, caller);
    send(socket, { type: 'reply', id: request.data.id, envelope });
  }

  function notARequest(detail: string) {
    return { code: 'invalid_input' as const, message: `Demande invalide : ${detail}.` };
  }

  function send(socket: WebSocket, message: WsMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }

  const unsubscribe = core.onEvent((name, payload) => {
    for (const socket of sockets) send(socket, { type: 'event', name, payload });
  });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  logger.info({ port }, 'browser-mode host listening');

  return {
    url: `${origin}/?${SESSION_PARAM}=${session}`,
    port,
    async close() {
      unsubscribe();
      for (const socket of sockets) socket.terminate();
      await app.close();
    },
  };
}
