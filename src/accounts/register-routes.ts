import { Router } from 'express';
import { clientIp } from '../web/client-ip.js';
import { redirectWithNotice } from '../web/notice.js';
import type { FeatureDeps } from '../deps.js';
import { renderWithErrors } from '../web/forms/errors.js';
import { parseForm } from '../web/forms/parse.js';
import { paths } from '../web/paths.js';
import { renderLinkProblem } from './link-problems.js';
import { checkInvitation, completeRegistration } from './registration.js';
import { newPasswordSchema } from './schemas.js';
import { looksLikeToken } from './tokens.js';

const VIEW = 'accounts/register';

/** "Complete your registration": the link in the invitation email, where the password is chosen. */
export function registerRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const council = deps.config.council;

  const invitationFor = (token: string) =>
    looksLikeToken(token) ? checkInvitation(deps, token) : Promise.resolve({ state: 'unknown' as const });

  router.get(paths.register(':token'), async (req, res) => {
    const invitation = await invitationFor(String(req.params.token));
    if (invitation.state !== 'valid') return renderLinkProblem(res, 'invitation', invitation.state, council);
    res.render(VIEW, { email: invitation.email, formAction: paths.register(String(req.params.token)) });
  });

  router.post(paths.register(':token'), async (req, res) => {
    const token = String(req.params.token);
    const invitation = await invitationFor(token);
    if (invitation.state !== 'valid') return renderLinkProblem(res, 'invitation', invitation.state, council);
    const form = parseForm(newPasswordSchema, req.body);
    if (!form.ok)
      return renderWithErrors(res, VIEW, form.errors, { email: invitation.email, formAction: paths.register(token) });

    const result = await completeRegistration(deps, { token, password: form.data.password, ip: clientIp(req) });
    if (result.state !== 'valid') return renderLinkProblem(res, 'invitation', result.state, council);
    // The guide: "You will then be asked to enter your username and password."
    redirectWithNotice(req, res, paths.signIn, {
      heading: 'You have completed your registration',
      lines: [
        'Sign in with your email address and the password you have chosen. You will then set up your log in code.',
      ],
    });
  });

  return router;
}
