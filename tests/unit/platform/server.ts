/**
 * A tiny local HTTP server standing in for the platform: each test sets canned replies per method and path,
 * and reads back what the client sent. One per test file, on 127.0.0.1 and a free port.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export type Reply =
  /**
   * `json` is serialised; `text` is sent verbatim (for non-JSON bodies); neither means no body. `gzip`: the body
   * is compressed when the request accepts gzip, as a production server would.
   */
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string>; gzip?: boolean }
  /** Never answers: for timeouts. */
  | { hang: true }
  /** Sends the headers and part of the body, then stalls: for a timeout while reading the body. */
  | { stallBody: true }
  /** Destroys the socket without answering: a reset. */
  | { destroy: true }
  /** Sends the headers and part of the body, then destroys the socket. */
  | { destroyMidBody: true };

export interface RecordedRequest {
  method: string;
  /** Path and query as received (still encoded). */
  url: string;
  headers: IncomingHttpHeaders;
  /** The client's port: the same one for requests on one kept-alive connection. */
  remotePort: number | undefined;
  /** Set once the connection the request came on is closed. */
  socketClosed: boolean;
}

export interface TestServer {
  baseUrl: string;
  /** Sets the reply to `METHOD /path` (query ignored for matching). */
  reply(method: string, path: string, reply: Reply): void;
  readonly requests: RecordedRequest[];
  reset(): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const replies = new Map<string, Reply>();
  const requests: RecordedRequest[] = [];
  /**
   * The requests each connection carried, marked closed together: one listener per socket, not one per request
   * (a kept-alive connection serving hundreds of requests would trip Node's MaxListenersExceededWarning).
   */
  const carried = new WeakMap<Socket, RecordedRequest[]>();

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      url,
      headers: req.headers,
      remotePort: req.socket.remotePort,
      socketClosed: false,
    };
    let onSocket = carried.get(req.socket);
    if (!onSocket) {
      const list: RecordedRequest[] = [];
      req.socket.once('close', () => list.forEach((r) => (r.socketClosed = true)));
      carried.set(req.socket, list);
      onSocket = list;
    }
    onSocket.push(recorded);
    requests.push(recorded);
    const path = url.split('?')[0] ?? url;
    const reply = replies.get(`${req.method} ${path}`);
    if (!reply) {
      res.writeHead(418, { 'content-type': 'text/plain' }).end(`no canned reply for ${req.method} ${path}`);
      return;
    }
    answer(reply, res, req.headers['accept-encoding'] ?? '');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    reply: (method, path, reply) => void replies.set(`${method} ${path}`, reply),
    requests,
    reset() {
      replies.clear();
      requests.length = 0;
    },
    close() {
      // Hanging requests and keep-alive sockets would keep close() waiting forever.
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function answer(reply: Reply, res: ServerResponse, acceptEncoding: string): void {
  if ('hang' in reply) return;
  if ('destroy' in reply) {
    res.socket?.destroy();
    return;
  }
  if ('stallBody' in reply || 'destroyMidBody' in reply) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    res.write('{"id": 1, "quantity"');
    if ('destroyMidBody' in reply) setTimeout(() => res.socket?.destroy(), 20);
    return;
  }
  const headers: Record<string, string> = { ...reply.headers };
  let body: string | undefined;
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['content-type'] ??= 'application/json';
  } else if (reply.text !== undefined) {
    body = reply.text;
  }
  if (reply.gzip && body !== undefined && /\bgzip\b/.test(acceptEncoding)) {
    headers['content-encoding'] = 'gzip';
    res.writeHead(reply.status, headers);
    res.end(gzipSync(body));
    return;
  }
  res.writeHead(reply.status, headers);
  res.end(body);
}

/** A port nothing listens on (a server opened then closed): for "connection refused". */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
