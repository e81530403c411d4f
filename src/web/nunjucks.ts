import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import type { Council } from '../config.js';
import { paths } from './paths.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
export const GOVUK_FRONTEND_DIR = path.join(PROJECT_ROOT, 'node_modules/govuk-frontend/dist');

export function setUpNunjucks(app: Express, council: Council, options: { watch?: boolean } = {}) {
  const env = nunjucks.configure([VIEWS_DIR, GOVUK_FRONTEND_DIR], {
    autoescape: true,
    express: app,
    noCache: options.watch ?? false,
    throwOnUndefined: false,
  });
  app.set('view engine', 'njk');
  env.addGlobal('council', council);
  env.addGlobal('paths', paths);
  env.addGlobal('serviceName', 'EHC Hub');
  return env;
}
