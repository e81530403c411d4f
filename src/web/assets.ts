import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

const FINGERPRINTED = /^(.+)\.([0-9a-f]{12})(\.[a-z0-9]+)$/;

/**
 * The files of public/ under names that carry a hash of their content
 * (`/public/stylesheets/application.3f9c0a1b2d4e.css`), served with a year-long, immutable cache
 * lifetime: a changed file gets a new name, so browsers never keep a stale one. In development
 * names stay plain and nothing is cached, so an edited file shows on the next reload.
 */
export function publicAssets(dir: string, mountPath: string, options: { fingerprint: boolean }) {
  const hashes = new Map<string, string>();
  const hashOf = (relative: string): string | undefined => {
    if (!hashes.has(relative)) {
      const file = path.join(dir, relative);
      if (!file.startsWith(dir + path.sep) || !fs.existsSync(file)) return undefined;
      hashes.set(relative, crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12));
    }
    return hashes.get(relative);
  };

  /** The URL a template links to, for a URL under mountPath (e.g. '/public/stylesheets/application.css'). */
  const url = (plain: string): string => {
    if (!options.fingerprint || !plain.startsWith(`${mountPath}/`)) return plain;
    const relative = plain.slice(mountPath.length + 1);
    const hash = hashOf(relative);
    if (!hash) return plain;
    const ext = path.extname(relative);
    return `${mountPath}/${relative.slice(0, relative.length - ext.length)}.${hash}${ext}`;
  };

  const immutable = express.static(dir, { index: false, immutable: true, maxAge: '365d' });
  const plain = express.static(dir, { index: false, maxAge: options.fingerprint ? '1h' : 0 });
  /** Serves both names; only a name whose hash matches the file's content is cached for good. */
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const match = options.fingerprint ? FINGERPRINTED.exec(req.path) : null;
    if (match && hashOf(`${match[1]}${match[3]}`.slice(1)) === match[2]) {
      req.url = `${match[1]}${match[3]}`;
      return immutable(req, res, next);
    }
    return plain(req, res, next);
  };
  return { url, middleware };
}
