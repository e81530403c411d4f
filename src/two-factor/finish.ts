import type { Request, Response } from 'express';
import { regenerateSession } from '../web/session.js';
import { redirectWithNotice } from '../web/notice.js';
import type pg from 'pg';
import type { FeatureDeps } from '../deps.js';
import { audit } from '../audit/audit.js';
import { isSafeReturnPath } from '../auth/session-auth.js';
import { paths } from '../web/paths.js';
import type { SetupMode } from './guards.js';
import { methodChangedEmail } from './method-changed-email.js';
import { recordSignedIn, type TwoFactorMethod, type TwoFactorUser } from './user-data.js';

/** In the transaction of a right code at sign-in: the account's last sign-in and the audit row. */
export async function recordSignInCompleted(
  client: pg.PoolClient,
  user: TwoFactorUser,
  method: TwoFactorMethod,
  ip: string | undefined,
  now: Date,
) {
  await recordSignedIn(client, user.id, now);
  await audit(
    client,
    { action: 'sign-in.completed', actorUserId: user.id, subjectUserId: user.id, ip, details: { method } },
    now,
  );
}

/** In the transaction that stores a new method: the audit, and for a change, the confirming email. */
export async function recordMethodSet(
  client: pg.PoolClient,
  deps: Pick<FeatureDeps, 'config' | 'queue'>,
  who: { user: TwoFactorUser; mode: SetupMode; ip?: string },
  method: TwoFactorMethod,
  now: Date,
  phoneEnding?: string,
) {
  const { user, mode, ip } = who;
  if (mode === 'first') {
    await audit(
      client,
      { action: 'two-factor.set-up', actorUserId: user.id, subjectUserId: user.id, ip, details: { method } },
      now,
    );
    await recordSignInCompleted(client, user, method, ip, now);
    return;
  }
  await audit(
    client,
    {
      action: 'two-factor.changed',
      actorUserId: user.id,
      subjectUserId: user.id,
      ip,
      details: { from: user.method, to: method },
    },
    now,
  );
  const email = methodChangedEmail(deps.config.council, {
    to: user.email,
    fullName: user.fullName,
    changedAt: now,
    method,
    phoneEnding,
  });
  await deps.queue.queueEmail(client, email);
}

/** After the new method is stored: a first setup finishes signing in; a change goes back to the account. */
export async function afterMethodSet(
  req: Request,
  res: Response,
  deps: Pick<FeatureDeps, 'clock' | 'queue'>,
  user: TwoFactorUser,
  mode: SetupMode,
) {
  if (mode === 'first') return completeSignIn(req, res, deps, user);
  delete req.session.twoFactorChange;
  delete req.session.twoFactorPendingTotp;
  delete req.session.twoFactorSmsCodeId;
  deps.queue.nudge();
  redirectWithNotice(req, res, paths.accountTwoFactor, {
    heading: 'You have changed how you get your log in code. We have sent you an email to confirm it.',
  });
}

/**
 * Both factors done: a new session id, the stage 'full' (keeping when the password was
 * entered, for the 12-hour limit), then on to where the user was going.
 */
export async function completeSignIn(
  req: Request,
  res: Response,
  deps: Pick<FeatureDeps, 'clock'>,
  user: TwoFactorUser,
) {
  const signedInAt = req.session.auth?.signedInAt ?? deps.clock.now().getTime();
  const { returnTo, keptForm } = req.session;
  await regenerateSession(req);
  req.session.auth = { userId: user.id, stage: 'full', signedInAt, lastSeenAt: deps.clock.now().getTime() };
  if (keptForm) req.session.keptForm = keptForm;
  const home = user.kind === 'staff' ? paths.staff : paths.cases;
  res.redirect(returnTo && isSafeReturnPath(returnTo) ? returnTo : home);
}
