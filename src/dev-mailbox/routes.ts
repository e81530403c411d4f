import { Router } from 'express';
import type { FeatureDeps } from '../app.js';
import { paths } from '../web/paths.js';

/** Development only (never mounted in production): what the app has sent, newest first. */
export function devMailboxRoutes({ pool }: FeatureDeps): Router {
  const router = Router();
  router.get(paths.devMailbox, async (_req, res) => {
    const { rows } = await pool.query(
      `SELECT id, channel, recipient, subject, text_body, sent_at
         FROM dev_mailbox ORDER BY id DESC LIMIT 50`,
    );
    res.render('dev-mailbox/index', { messages: rows });
  });
  return router;
}
