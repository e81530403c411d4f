import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { detectFileType } from './file-types.js';
import type { ReceivedFile, RefusedFile, UploadRules } from './types.js';

/**
 * Collects one file part as it streams in: hashed on the way, dropped as soon as it is over the
 * limit, then typed by its bytes. Adds it to `files`, or the reason to `refused`.
 */
export function collectFile(
  stream: Readable & { truncated?: boolean },
  originalFilename: string,
  rules: UploadRules,
  files: ReceivedFile[],
  refused: RefusedFile[],
): Promise<void> {
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const hash = crypto.createHash('sha256');
    stream.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      chunks.push(chunk);
      hash.update(chunk);
    });
    stream.on('limit', () => {
      // Nothing of an oversized file is kept; busboy discards the rest of it as it arrives.
      tooLarge = true;
      chunks = [];
    });
    stream.on('error', () => resolve());
    stream.on('end', () => {
      if (tooLarge || stream.truncated || size > rules.maxFileBytes) {
        refused.push({ originalFilename, reason: 'too-large' });
        return resolve();
      }
      if (size === 0) {
        refused.push({ originalFilename, reason: 'empty' });
        return resolve();
      }
      const content = Buffer.concat(chunks, size);
      const type = detectFileType(content);
      if (!type || !rules.allowedTypes.includes(type.id)) {
        refused.push({ originalFilename, reason: 'wrong-type' });
        return resolve();
      }
      files.push({ originalFilename, type, content, sha256: hash.digest('hex') });
      resolve();
    });
  });
}
