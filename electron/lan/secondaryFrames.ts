/**
 * A paired secondary's frames on the main counter's socket (mainListener.ts), each answered on that socket: a
 * LAN-only request (lanOnlyRequests.ts), a call not granted to secondaries refused, any other call run as that
 * counter (actingCounter.ts) for the person signed in there.
 */
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Envelope } from '../../shared/contract';
import { t } from '../../shared/i18n';
import { HANDOVER, isGrantedToSecondary, LAN_REPORT, lanRequestSchema, REPLICA_PULL } from '../../shared/lanWire';
import type { WsMessage } from '../../shared/wire';
import { asCounter } from '../core/actingCounter';
import type { Caller } from '../core/staff/actor';
import { answerLanOnly } from './lanOnlyRequests';
import type { MainListenerOptions, PairedSecondary } from './mainListener';

export type FrameOptions = Pick<MainListenerOptions, 'dispatch' | 'replica' | 'handover' | 'report' | 'seen'>;

export async function answerFrame(
  socket: WebSocket,
  secondary: PairedSecondary,
  address: string,
  text: string,
  options: FrameOptions,
  logger: Logger,
): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return sendFrame(socket, { type: 'error', id: null, error: { code: 'invalid_input', message: 'JSON attendu.' } });
  }
  const request = lanRequestSchema.safeParse(json);
  if (!request.success) {
    return sendFrame(socket, {
      type: 'error',
      id: null,
      error: { code: 'invalid_input', message: 'Demande invalide.' },
    });
  }
  const { id, name, input, person } = request.data;
  options.seen(secondary.id, address, true);
  let envelope: Envelope<unknown>;
  if (name === REPLICA_PULL || name === HANDOVER || name === LAN_REPORT) {
    envelope = answerLanOnly(name, secondary, input, options, logger);
  } else if (!isGrantedToSecondary(name)) {
    logger.warn({ call: name, secondary: secondary.id }, 'call not granted to a secondary refused');
    envelope = { ok: false, error: { code: 'not_granted', message: t('errors.not_granted') } };
  } else {
    // The secondary's screen, and who is signed in there (staff/actor.ts: vouched).
    const caller: Caller = {
      terminal: `lan:${secondary.id}`,
      vouched: person ?? { personName: null, role: 'manager' },
    };
    envelope = await asCounter(secondary.name, () => options.dispatch(name, input, caller));
  }
  sendFrame(socket, { type: 'reply', id, envelope });
}

export function sendFrame(socket: WebSocket, message: WsMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}
