/**
 * What an `.xlsx` (a zip) says it unpacks to, read from its central directory before anything is
 * inflated: a few kilobytes of zip can declare gigabytes of XML, which the streaming reader would
 * otherwise inflate and parse in full.
 */
import { open } from 'node:fs/promises';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ENTRY_BYTES = 46;
/** A field at its maximum means the real value is in a ZIP64 record: more than 4 GiB or 65 535 entries. */
const ZIP64_MARK = 0xffffffff;

/**
 * The sum of the uncompressed sizes its central directory declares; Infinity for ZIP64 (beyond any
 * limit here); undefined when the file is no readable zip (the reader then reports it unreadable).
 */
export async function declaredUnpackedBytes(filePath: string): Promise<number | undefined> {
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, END_RECORD_BYTES + MAX_COMMENT_BYTES);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let end = tailLength - END_RECORD_BYTES;
    while (end >= 0 && tail.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
    if (end < 0) return undefined;
    const entries = tail.readUInt16LE(end + 10);
    const directoryBytes = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (entries === 0xffff || directoryBytes === ZIP64_MARK || directoryOffset === ZIP64_MARK) return Infinity;
    if (directoryOffset + directoryBytes > size) return undefined;
    const directory = Buffer.alloc(directoryBytes);
    await file.read(directory, 0, directoryBytes, directoryOffset);
    let total = 0;
    for (let n = 0, at = 0; n < entries; n += 1) {
      if (at + ENTRY_BYTES > directoryBytes || directory.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return undefined;
      const unpacked = directory.readUInt32LE(at + 24);
      if (unpacked === ZIP64_MARK) return Infinity;
      total += unpacked;
      at += ENTRY_BYTES + directory.readUInt16LE(at + 28) + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return total;
  } finally {
    await file.close();
  }
}
