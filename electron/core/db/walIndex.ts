/**
 * How many frames of the WAL are not in the database file yet, read from the wal-index (the `-shm` file beside the
 * database) as SQLite documents it (https://www.sqlite.org/walformat.html#the_wal_index_file_format): `mxFrame`,
 * the last valid frame, in the header's first copy; `nBackfill`, the frames already checkpointed, in the checkpoint
 * information that follows the header's two copies. Both are native-endian 32-bit integers. A read racing a writer
 * may be a frame or two off: the checkpointer only uses it to decide when to run.
 */
import fs from 'node:fs';
import os from 'node:os';

const HEADER_BYTES = 48;
const MX_FRAME_OFFSET = 16;
const IS_INIT_OFFSET = 12;
/** Two copies of the header, then WalCkptInfo, whose first field is nBackfill. */
const BACKFILL_OFFSET = 2 * HEADER_BYTES;
const READ_BYTES = BACKFILL_OFFSET + 4;

export interface WalIndexState {
  /** Frames in the WAL since it last started over (`mxFrame`): the file holds at least that many. */
  frames: number;
  /** Of which not yet copied into the database file. */
  pending: number;
}

/** The WAL's frames and those still to copy, from the wal-index; null when it cannot be read. */
export function walIndexState(databaseFile: string): WalIndexState | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(`${databaseFile}-shm`, 'r');
    const bytes = Buffer.alloc(READ_BYTES);
    if (fs.readSync(fd, bytes, 0, READ_BYTES, 0) < READ_BYTES) return null;
    if (bytes[IS_INIT_OFFSET] !== 1) return null;
    const read = os.endianness() === 'LE' ? bytes.readUInt32LE.bind(bytes) : bytes.readUInt32BE.bind(bytes);
    const last = read(MX_FRAME_OFFSET);
    const copied = read(BACKFILL_OFFSET);
    return { frames: last, pending: copied <= last ? last - copied : last };
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
