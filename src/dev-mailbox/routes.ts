import { Router, type Request } from 'express';
import type { FeatureDeps } from '../deps.js';
import { DEMO } from '../seed/demo.js';
import { paths } from '../web/paths.js';

const DEMO_ACCOUNTS = [DEMO.staff, DEMO.parent];

/**
 * An email's HTML is shown in a sandboxed frame (no scripts, no forms, an origin of its own) with a
 * policy that lets it load nothing: its links and styles are all it needs to look as it will in a
 * mail client. Only this page may frame it.
 */
const EMAIL_HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/** Development only (never mounted in production): what the app has sent, newest first. */
export function devMailboxRoutes({ pool }: FeatureDeps): Router {
  const router = Router();
  router.get(paths.devMailbox, async (_req, res) => {
    const { rows } = await pool.query(
      `SELECT id, channel, recipient, subject, text_body, html_body IS NOT NULL AS has_html, sent_at
         FROM dev_mailbox ORDER BY id DESC LIMIT 50`,
    );
    // The demo accounts are explained only where the demo data was added (npm start in development).
    const present = await pool.query('SELECT email FROM users WHERE email = ANY($1)', [
      DEMO_ACCOUNTS.map((account) => account.email),
    ]);
    const demoAccounts = DEMO_ACCOUNTS.filter((account) => present.rows.some((row) => row.email === account.email));
    const demoNames = Object.fromEntries(demoAccounts.map((account) => [account.phone, account.name]));
    const sentAt = new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'medium',
      timeZone: 'Europe/London',
    });
    const messages = rows.map((row) => ({ ...row, sent: sentAt.format(row.sent_at) }));
    res.render('dev-mailbox/index', { messages, demoAccounts, demoNames });
  });

  router.get(paths.devMailboxEmailHtml(':id'), async (req: Request<{ id: string }>, res, next) => {
    if (!/^\d{1,15}$/.test(req.params.id)) return next();
    const { rows } = await pool.query('SELECT html_body FROM dev_mailbox WHERE id = $1 AND html_body IS NOT NULL', [
      Number(req.params.id),
    ]);
    if (!rows[0]) return next();
    res.set('Content-Security-Policy', EMAIL_HTML_POLICY);
    res.set('X-Frame-Options', 'SAMEORIGIN');
    res.type('html').send(rows[0].html_body);
  });
  return router;
}
