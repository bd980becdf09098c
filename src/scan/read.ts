import { open } from 'node:fs/promises';

export type ReadResult = { text: string } | { unread: 'too-large' | 'binary' | 'unreadable' };

/** How far into a file to look for a NUL byte, the sign of a binary file (as git does). */
const BINARY_SNIFF_BYTES = 8000;

export async function readText(absolutePath: string, bytes: number, limit: number): Promise<ReadResult> {
  if (bytes > limit) return { unread: 'too-large' };
  let handle;
  try {
    handle = await open(absolutePath, 'r');
    const buffer = Buffer.alloc(bytes);
    let offset = 0;
    while (offset < bytes) {
      const { bytesRead } = await handle.read(buffer, offset, bytes - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    const data = buffer.subarray(0, offset);
    if (data.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { unread: 'binary' };
    const text = data.toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { unread: 'unreadable' };
  } finally {
    await handle?.close();
  }
}
