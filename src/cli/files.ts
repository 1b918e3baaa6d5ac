/** Reading the files a CLI command names, with one-line messages instead of stack traces. */
import path from 'node:path';
import { readTiff } from '../compute/io/tiff-read';
import type { Volume } from '../compute/io/volume';
import type { CliIo } from './command';
import { CliError } from './errors';

/** `what` names the file in the message, e.g. 'the image '. */
export function readBytes(io: CliIo, file: string, what = ''): Uint8Array {
  try {
    return io.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new CliError(`Cannot read ${what}${file}: ${why}.`);
  }
}

export function readText(io: CliIo, file: string, what = ''): string {
  return new TextDecoder().decode(readBytes(io, file, what));
}

export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Reads a TIFF whole (PERI's images are small; the volume must fit in memory anyway). */
export async function readImage(io: CliIo, file: string): Promise<Volume> {
  return readTiff(arrayBufferOf(readBytes(io, file, 'the image ')), { name: path.basename(file) });
}
