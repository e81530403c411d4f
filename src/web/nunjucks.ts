import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import type { Council } from '../config.js';
import { paths } from './paths.js';
import { formatDate, formatDateTime, formatFileSize } from './format.js';
import { reuseImports, setPlainNamesDirectly } from './nunjucks-fast-paths.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
export const GOVUK_FRONTEND_DIR = path.join(PROJECT_ROOT, 'node_modules/govuk-frontend/dist');

export interface Views {
  env: nunjucks.Environment;
  /** Stops watching the views folder (development only). */
  close(): void;
}

/**
 * Templates are compiled once and cached. With `watch` (development), an edited template is
 * dropped from the cache so its next render compiles it again; Nunjucks' own noCache would
 * instead re-read and re-compile every template on every render (about 20 times slower).
 */
export function setUpNunjucks(
  app: Express,
  council: Council,
  options: { watch?: boolean; viewsDir?: string } = {},
): Views {
  const viewsDir = options.viewsDir ?? VIEWS_DIR;
  const env = nunjucks.configure([viewsDir, GOVUK_FRONTEND_DIR], {
    autoescape: true,
    express: app,
    noCache: false,
    throwOnUndefined: false,
  });
  reuseImports(env, { templatesFixed: !options.watch });
  setPlainNamesDirectly();
  app.set('view engine', 'njk');
  env.addGlobal('council', council);
  env.addGlobal('paths', paths);
  env.addGlobal('serviceName', 'EHC Hub');
  env.addFilter('trim', trim);
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('fileSize', formatFileSize);
  const watcher = options.watch ? watchTemplates(env, viewsDir) : undefined;
  return { env, close: () => watcher?.close() };
}

/**
 * Nunjucks' own `trim` is the regex /^\s*|\s*$/g, quadratic in a run of spaces; govuk-frontend's
 * macros call it about ten times a form page, on their whole output. Same result, linear.
 */
export function trim(value: unknown): unknown {
  const trimmed = String(value).trim();
  return value instanceof nunjucks.runtime.SafeString ? new nunjucks.runtime.SafeString(trimmed) : trimmed;
}

type CachingLoader = nunjucks.ILoader & {
  cache: Record<string, unknown>;
  emit(event: 'update', name: string, fullname: string): void;
};

function watchTemplates(env: nunjucks.Environment, viewsDir: string): fs.FSWatcher {
  const loader = (env as unknown as { loaders: CachingLoader[] }).loaders[0];
  const clearAll = () => (env as unknown as { invalidateCache(): void }).invalidateCache();
  const watcher = fs.watch(viewsDir, { recursive: true, persistent: false }, (event, filename) => {
    // A file added, removed or saved by renaming (as many editors do) may be known by another name: start afresh.
    if (!filename || event === 'rename') return clearAll();
    loader.emit('update', filename.split(path.sep).join('/'), path.join(viewsDir, filename));
  });
  watcher.on('error', clearAll);
  return watcher;
}
