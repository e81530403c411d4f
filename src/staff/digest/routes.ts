import { Router } from 'express';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import type { FeatureDeps } from '../../deps.js';
import type { Queryable } from '../../db/pool.js';
import { clientIp } from '../../web/client-ip.js';
import { checkbox } from '../../web/forms/fields.js';
import { parseForm } from '../../web/forms/parse.js';
import { redirectWithNotice } from '../../web/notice.js';
import { paths } from '../../web/paths.js';
import { staffMemberOf } from '../staff-member.js';

export const DAILY_DIGEST_PATH = '/daily-digest';

/** Whether a member of staff has asked for the daily digest (for their account page). */
export async function wantsDailyDigest(db: Queryable, userId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT daily_digest FROM users WHERE id = $1 AND kind = 'staff'`, [userId]);
  return rows[0]?.daily_digest === true;
}

const schema = z.object({ dailyDigest: checkbox });

/** The account page's "daily summary" choice, for staff (the form posts to /staff/daily-digest). */
export function dailyDigestRoutes(deps: FeatureDeps): Router {
  const router = Router();
  router.post(DAILY_DIGEST_PATH, async (req, res) => {
    const staff = staffMemberOf(req);
    const form = parseForm(schema, req.body);
    const wanted = form.ok && form.data.dailyDigest;
    await deps.pool.query(`UPDATE users SET daily_digest = $2 WHERE id = $1 AND kind = 'staff'`, [staff.id, wanted]);
    await audit(
      deps.pool,
      {
        action: 'staff.daily-digest.changed',
        actorUserId: staff.id,
        ip: clientIp(req),
        details: { dailyDigest: wanted },
      },
      deps.clock.now(),
    );
    redirectWithNotice(req, res, paths.account, {
      heading: wanted
        ? 'You will get a daily summary of your cases with new activity'
        : 'You will not get a daily summary',
    });
  });
  return router;
}
