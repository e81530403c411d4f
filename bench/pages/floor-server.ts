// The floors the app is measured against, in a process of their own (forked by bench/pages.ts):
//   /render  a bare Express 5 + Nunjucks rendering a GOV.UK form page with the same macros;
//   /static  a bare Express sending 12 KB from memory.
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import nunjucks from 'nunjucks';

const here = path.dirname(fileURLToPath(import.meta.url));
const app = express();
nunjucks.configure([here, path.resolve(here, '../../node_modules/govuk-frontend/dist')], {
  autoescape: true,
  express: app,
});
const twelveKb = Buffer.alloc(12 * 1024, 'x');

app.get('/render', (_req, res) => {
  res.render('floor.njk', { council: 'Edgehill Council', csrfToken: crypto.randomBytes(24).toString('base64url') });
});
app.get('/static', (_req, res) => {
  res.type('html').send(twelveKb);
});

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => process.exit(0));
