/** DLE EOT replies: every state a counter must know before sending a job, and anything else refused. */
import { describe, expect, it } from 'vitest';
import { MalformedStatusError, parseStatusReply, statusReplyFor } from '../../../electron/core/printing/status';

const reply = (state: Parameters<typeof statusReplyFor>[0], nearEnd = false) => {
  const r = statusReplyFor(state, nearEnd);
  return Uint8Array.from([r[1]!, r[2]!, r[4]!]);
};

describe('real-time status', () => {
  it.each(['online', 'offline', 'cover_open', 'paper_out', 'error'] as const)('reads %s', (state) => {
    expect(parseStatusReply(reply(state))).toEqual({ state, paperNearEnd: state === 'paper_out' });
  });

  it('reads paper near end on a printer still online', () => {
    expect(parseStatusReply(reply('online', true))).toEqual({ state: 'online', paperNearEnd: true });
  });

  it('reads the bytes an Epson TM-T20 sends with the cover open (0x16 cause byte)', () => {
    expect(parseStatusReply(Uint8Array.from([0x1e, 0x16, 0x12])).state).toBe('cover_open');
  });

  it.each([[[0x12, 0x12]], [[0xff, 0x12, 0x12]], [[0x12, 0x12, 0x13]], ['abc'], [null]])('refuses %j', (bad) => {
    expect(() => parseStatusReply(bad)).toThrow(MalformedStatusError);
  });
});
