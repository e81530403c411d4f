import type { Request, Response } from 'express';
import { clientIp } from '../web/client-ip.js';
import { Router } from 'express';
import QRCode from 'qrcode';
import type { FeatureDeps } from '../deps.js';
import { renderWithErrors, formErrors, type FormErrors } from '../web/forms/errors.js';
import { parseForm } from '../web/forms/parse.js';
import { paths } from '../web/paths.js';
import { attemptCode } from './code-attempt.js';
import { codeForm } from './code-input.js';
import { afterMethodSet, recordMethodSet } from './finish.js';
import { requireSetupAllowed } from './guards.js';
import { CODE_MESSAGES } from './messages.js';
import { openPendingTotpSecret, sealPendingTotpSecret, sealTotpSecret } from './secrets.js';
import { checkTotp, formatKeyForReading, newTotpSecret, totpUri } from './totp.js';
import { saveAppMethod } from './user-data.js';

const QR_SIZE = 200;

/** `/two-factor/app`: the key (and its QR code) for an authenticator app, confirmed by a code from it. */
export function appSetupRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const allowed = requireSetupAllowed(deps.pool, deps.clock);
  const key = deps.config.encryptionKey;

  /** The secret being set up: the same one until it is confirmed, so reloading keeps the app's entry valid. */
  function pendingSecret(req: Request): string {
    const userId = req.twoFactor!.user.id;
    const pending = req.session.twoFactorPendingTotp;
    if (pending?.userId === userId) return openPendingTotpSecret(key, userId, pending.sealedSecret);
    const secret = newTotpSecret();
    req.session.twoFactorPendingTotp = { userId, sealedSecret: sealPendingTotpSecret(key, userId, secret) };
    return secret;
  }

  async function renderPage(req: Request, res: Response, errors?: FormErrors) {
    const secret = pendingSecret(req);
    const { user, mode } = req.twoFactor!;
    const uri = totpUri(secret, `EHC Hub – ${deps.config.council.name}`, user.email);
    const qrDataUri = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: QR_SIZE });
    const locals = { key: formatKeyForReading(secret), qrDataUri, qrSize: QR_SIZE, mode };
    if (errors) return renderWithErrors(res, 'two-factor/app', errors, locals);
    res.render('two-factor/app', locals);
  }

  router.get(paths.twoFactorApp, allowed, (req, res) => renderPage(req, res));

  router.post(paths.twoFactorApp, allowed, async (req, res) => {
    const parsed = parseForm(codeForm(CODE_MESSAGES.emptyApp), req.body);
    if (!parsed.ok) return renderPage(req, res, parsed.errors);
    const { user, mode } = req.twoFactor!;
    const secret = pendingSecret(req);
    const result = await attemptCode(
      deps,
      { userId: user.id, ip: clientIp(req) },
      async (now) => {
        const check = await checkTotp(secret, parsed.data.code, now, null);
        return check.ok
          ? { ok: true, value: check.step }
          : { ok: false, error: CODE_MESSAGES.wrongApp, countsAsWrong: true };
      },
      async (client, step, now) => {
        const saved = await saveAppMethod(
          client,
          user.id,
          sealTotpSecret(key, user.id, secret),
          step,
          now,
          mode === 'first',
        );
        if (!saved) return CODE_MESSAGES.alreadySetUp;
        await recordMethodSet(client, deps, { user, mode, ip: clientIp(req) }, 'app', now);
        return undefined;
      },
    );
    if (!result.ok) return renderPage(req, res, formErrors([['code', result.error]]));
    delete req.session.twoFactorPendingTotp;
    await afterMethodSet(req, res, deps, user, mode);
  });
  return router;
}
