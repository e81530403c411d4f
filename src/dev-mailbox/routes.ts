import { Router } from 'express';
import type { FeatureDeps } from '../app.js';
import { DEMO } from '../seed/demo.js';
import { paths } from '../web/paths.js';

const DEMO_ACCOUNTS = [DEMO.staff, DEMO.parent];

/** Development only (never mounted in production): what the app has sent, newest first. */
export function devMailboxRoutes({ pool }: FeatureDeps): Router {
  const router = Router();
  router.get(paths.devMailbox, async (_req, res) => {
    const { rows } = await pool.query(
      `SELECT id, channel, recipient, subject, text_body, sent_at
         FROM dev_mailbox ORDER BY id DESC LIMIT 50`,
    );
    // The demo accounts are explained only where the demo data was added (npm start in development).
    const present = await pool.query('SELECT email FROM users WHERE email = ANY($1)', [DEMO_ACCOUNTS.map((account) => account.email)]);
    const demoAccounts = DEMO_ACCOUNTS.filter((account) => present.rows.some((row) => row.email === account.email));
    const demoNames = Object.fromEntries(demoAccounts.map((account) => [account.phone, account.name]));
    const sentAt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' });
    const messages = rows.map((row) => ({ ...row, sent: sentAt.format(row.sent_at) }));
    res.render('dev-mailbox/index', { messages, demoAccounts, demoNames });
  });
  return router;
}
