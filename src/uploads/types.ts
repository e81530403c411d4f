// What an upload form accepts, and what becomes of each file sent.
import type { FileType, FileTypeId } from './file-types.js';

export interface UploadRules {
  /** The name of the form's file input; files sent under any other name are ignored. */
  fileField: string;
  maxFileBytes: number;
  maxFiles: number;
  allowedTypes: readonly FileTypeId[];
  /** Text fields: how many, and how long each (longer values are cut, then the form's own checks apply). */
  maxFields?: number;
  maxFieldBytes?: number;
}

export interface ReceivedFile {
  /** As the uploader's computer named it, cleaned; never a path, only shown and sanitised again on download. */
  originalFilename: string;
  type: FileType;
  content: Buffer;
  sha256: string;
}

export type RefusalReason = 'too-large' | 'empty' | 'wrong-type';

export interface RefusedFile {
  originalFilename: string;
  reason: RefusalReason;
}
