import type { Logger } from 'pino';
import type { Envelope } from '../../shared/contract';
import { t } from '../../shared/i18n';
import {
  HANDOVER,
  handoverRequestSchema,
  lanReportSchema,
  REPLICA_PULL,
  replicaPullSchema,
} from '../../shared/lanWire';
import type { MainListenerOptions, PairedSecondary } from './mainListener';

/**
 * The LAN-only requests (the replica's pages, the hand-over, a secondary's report): for paired secondaries only (this
 * socket's token was checked), each parsed with its own schema, none reachable from a screen.
 */
export function answerLanOnly(
  name: string,
  secondary: PairedSecondary,
  input: unknown,
  options: Pick<MainListenerOptions, 'replica' | 'handover' | 'report'>,
  logger: Logger,
): Envelope<unknown> {
  const invalid = { ok: false as const, error: { code: 'invalid_input' as const, message: 'Demande invalide.' } };
  try {
    if (name === REPLICA_PULL) {
      const pull = replicaPullSchema.safeParse(input);
      return pull.success && options.replica ? { ok: true, value: options.replica(pull.data) } : invalid;
    }
    if (name === HANDOVER) {
      const request = handoverRequestSchema.safeParse(input);
      if (!request.success || !options.handover) return invalid;
      return { ok: true, value: options.handover(secondary, request.data.actions) };
    }
    const report = lanReportSchema.safeParse(input);
    if (!report.success) return invalid;
    options.report?.(secondary, report.data);
    return { ok: true, value: {} };
  } catch (error) {
    // The engine closing under the request, or a disk error: the secondary tries again later.
    logger.warn({ err: String(error), request: name }, 'LAN request failed');
    return { ok: false, error: { code: 'internal', message: t('errors.main_unreachable') } };
  }
}
