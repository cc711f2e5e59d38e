/**
 * The floor under bench:scanner's "engine round trip": Chromium to a WebSocket host built like browser mode's
 * (Fastify + @fastify/websocket, loopback) that answers at once with a reply the size of a verdict, with no engine
 * behind it. Whatever the page sees above this is the engine's share (and the two cores it shares with Chromium).
 */
import Fastify from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import type { Browser } from 'playwright-core';

/** About a verdict's reply on the wire (bench:scanner's lookups: 570–590 bytes). */
const REPLY_BYTES = 586;

/**
 * `rounds` round trips from a page in `browser`, one at a time, as the guichet sends a lookup: ms each. `pauseMs`
 * between them: on this VM a round trip after the pause a cashier leaves between scans (600 ms in bench:scanner)
 * takes about twice as long as one 30 ms after the last (everything idle wakes up slowly), so the floor under the
 * scans' round trip is measured with their pause.
 */
export async function timeBareWebSocket(browser: Browser, rounds: number, pauseMs: number): Promise<number[]> {
  const app = Fastify({ logger: false });
  await app.register(fastifyWebsocket);
  const reply = JSON.stringify({ type: 'reply', id: 0, envelope: { ok: true, value: 'x'.repeat(REPLY_BYTES - 60) } });
  app.get('/', (_request, response) => response.type('text/html').send('<!doctype html><title>floor</title>'));
  app.get('/ws', { websocket: true }, (socket) => {
    socket.on('message', () => socket.send(reply));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    return await page.evaluate(
      async ({ port, rounds, pause }) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`);
        await new Promise((resolve) => (socket.onopen = resolve));
        const request = JSON.stringify({
          id: 1,
          name: 'counter.lookup',
          input: { text: 'PASSCULTURE:v3;TOKEN:ABCDEF' },
        });
        const samples: number[] = [];
        for (let i = 0; i < rounds + 5; i++) {
          const start = performance.now();
          await new Promise<void>((resolve) => {
            socket.onmessage = () => resolve();
            socket.send(request);
          });
          if (i >= 5) samples.push(performance.now() - start); // the first ones warm the path
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
        socket.close();
        return samples;
      },
      { port, rounds, pause: pauseMs },
    );
  } finally {
    await page.close();
    await app.close();
  }
}
