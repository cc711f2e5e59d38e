/**
 * The entry slip of a validated booking, as a declarative slip. Its data is a snapshot taken when the job is
 * queued (stored with the job, so a reprint after a restart prints the same thing).
 */
import { z } from 'zod';
import { formatDateTime, formatSeance } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { pt } from './catalogue';
import type { Slip, SlipBlock } from './slip';

export const entrySlipDataSchema = z.object({
  ledgerId: z.number().int(),
  token: z.string(),
  validatedAt: z.string(),
  counterName: z.string(),
  cinemaName: z.string().nullable(),
  offerName: z.string().nullable(),
  seanceStart: z.string().nullable(),
  quantity: z.number().int(),
  isDuo: z.boolean(),
  priceCategoryLabel: z.string().nullable(),
  unitPriceCents: z.number().int().nullable(),
  totalPriceCents: z.number().int().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  timeZone: z.string(),
});
export type EntrySlipData = z.infer<typeof entrySlipDataSchema>;

export type NameFormat = 'full' | 'initials';

export interface EntrySlipOptions {
  nameFormat: NameFormat;
  /** A reprint: said at the top and the bottom, so it cannot pass for the first slip. */
  duplicate: boolean;
}

/** What the QR code carries: the ledger entry, so a manager can find the validation behind a slip. */
export function slipQrPayload(ledgerId: number): string {
  return `GUICHET:v1;LEDGER:${ledgerId}`;
}

/** All but the last two characters hidden: the slip must not let anyone reuse the countermark. */
export function maskedCountermark(token: string): string {
  return '*'.repeat(Math.max(0, token.length - 2)) + token.slice(-2);
}

export function beneficiaryName(data: EntrySlipData, format: NameFormat): string | null {
  const first = data.firstName?.trim() ?? '';
  const last = data.lastName?.trim() ?? '';
  if (!first && !last) return null;
  if (format === 'full') return `${first} ${last.toUpperCase()}`.trim();
  return [first, last]
    .filter((part) => part !== '')
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join(' ');
}

export function buildEntrySlip(data: EntrySlipData, options: EntrySlipOptions): Slip {
  const none = pt('slip.no_value');
  const duo = data.isDuo || data.quantity >= 2;
  const blocks: SlipBlock[] = [];
  const duplicateBanner: SlipBlock = {
    kind: 'text',
    text: pt('slip.duplicate'),
    align: 'center',
    bold: true,
    size: 'large',
    inverted: true,
  };

  if (options.duplicate) blocks.push(duplicateBanner, { kind: 'feed', lines: 1 });
  blocks.push(
    // Outside text is capped at two lines (a 100 kB name printed 17 m of paper).
    {
      kind: 'text',
      text: data.cinemaName ?? pt('slip.unknown_cinema'),
      align: 'center',
      bold: true,
      size: 'tall',
      maxLines: 2,
    },
    { kind: 'text', text: pt('slip.heading'), align: 'center' },
    { kind: 'separator', char: '=' },
    { kind: 'text', text: data.offerName ?? none, bold: true, size: 'tall', maxLines: 2 },
    {
      kind: 'pair',
      label: pt('slip.seance'),
      value: data.seanceStart ? formatSeance(data.seanceStart, data.timeZone) : pt('slip.seance_unknown'),
    },
    { kind: 'separator' },
    {
      kind: 'text',
      text: duo ? pt('slip.places_duo') : pt('slip.places_one'),
      bold: true,
      size: duo ? 'large' : 'tall',
      align: 'center',
    },
    { kind: 'pair', label: pt('slip.tariff'), value: data.priceCategoryLabel ?? none, maxLines: 2 },
    { kind: 'pair', label: pt('slip.price'), value: priceText(data, duo) ?? none },
    { kind: 'separator' },
    {
      kind: 'pair',
      label: pt('slip.beneficiary'),
      value: beneficiaryName(data, options.nameFormat) ?? none,
      maxLines: 2,
    },
    { kind: 'pair', label: pt('slip.countermark'), value: maskedCountermark(data.token) },
    { kind: 'pair', label: pt('slip.validated_at'), value: formatDateTime(data.validatedAt, data.timeZone) },
    { kind: 'pair', label: pt('slip.counter'), value: data.counterName, maxLines: 2 },
    { kind: 'feed', lines: 1 },
    { kind: 'qr', payload: slipQrPayload(data.ledgerId) },
    { kind: 'text', text: pt('slip.entry_number', { id: data.ledgerId }), align: 'center' },
  );
  if (options.duplicate) blocks.push({ kind: 'feed', lines: 1 }, duplicateBanner);
  return { title: pt('slip.title', { token: maskedCountermark(data.token) }), blocks };
}

function priceText(data: EntrySlipData, duo: boolean): string | null {
  if (data.totalPriceCents === null) return null;
  if (duo && data.unitPriceCents !== null && data.quantity === 2) {
    return pt('slip.price_duo', { unit: formatCents(data.unitPriceCents), total: formatCents(data.totalPriceCents) });
  }
  return formatCents(data.totalPriceCents);
}
