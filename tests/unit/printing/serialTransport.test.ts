/** Serial printers through `serialport`, with its mock binding standing in for the port. */
import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { createSerialTransport, type SerialPortLike } from '../../../electron/core/printing/serialTransport';
import { statusReplyFor } from '../../../electron/core/printing/status';
import { PrintFailure, type RenderedJob } from '../../../electron/core/printing/transport';

const PATH = '/dev/ttyPRINTER';
// The mock binding `serialport` itself uses (it may have its own copy of @serialport/binding-mock).
const MockBinding = SerialPortMock.binding;
const job: RenderedJob = { title: 't', paper: 58, escpos: () => Buffer.from('Ticket\n'), html: () => '' };
let lastPort: SerialPortMock | null = null;

afterEach(() => MockBinding.reset());

/** A mock port that answers DLE EOT requests like a printer in `state`. */
function openPort(state: Parameters<typeof statusReplyFor>[0]) {
  return async ({ path, baudRate }: { path: string; baudRate: number }): Promise<SerialPortLike> => {
    const port = new SerialPortMock({ path, baudRate, autoOpen: false });
    lastPort = port;
    const write = port.write.bind(port);
    const reply = statusReplyFor(state);
    port.write = ((data: Buffer, callback: (error: Error | null | undefined) => void) => {
      const answered = write(data, callback);
      const bytes = [...data];
      const replies = bytes.flatMap((b, i) => (b === 0x10 && bytes[i + 1] === 0x04 ? [reply[bytes[i + 2]!]!] : []));
      if (replies.length > 0) setImmediate(() => port.port?.emitData(Buffer.from(replies)));
      return answered;
    }) as typeof port.write;
    return port as unknown as SerialPortLike;
  };
}

describe('serial printer', () => {
  it('checks status, writes the job, closes the port', async () => {
    MockBinding.createPort(PATH, { record: true });
    const transport = createSerialTransport({
      path: PATH,
      baudRate: 19200,
      realTimeStatus: true,
      openPort: openPort('online'),
    });
    await transport.print(job);
    const recording = lastPort!.port?.recording ?? Buffer.alloc(0);
    expect(recording.toString('latin1')).toContain('Ticket\n');
    expect(lastPort!.isOpen).toBe(false);
  });

  it('refuses to print without paper', async () => {
    MockBinding.createPort(PATH, { record: true });
    const transport = createSerialTransport({
      path: PATH,
      baudRate: 9600,
      realTimeStatus: true,
      openPort: openPort('paper_out'),
    });
    await expect(transport.print(job)).rejects.toMatchObject({ code: 'paper_out' });
    expect(await transport.status()).toMatchObject({ state: 'paper_out' });
  });

  it('a port that does not exist is a serial failure with its reason', async () => {
    const transport = createSerialTransport({
      path: '/dev/nope',
      baudRate: 9600,
      realTimeStatus: false,
      openPort: openPort('online'),
    });
    const error = await transport.print(job).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintFailure);
    expect(error).toMatchObject({ code: 'serial' });
    expect(await transport.status()).toMatchObject({ state: 'unreachable' });
  });
});
