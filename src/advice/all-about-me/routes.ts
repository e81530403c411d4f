import { Router, type Request, type Response } from 'express';
import type { FeatureDeps } from '../../deps.js';
import { requireSignedIn } from '../../auth/current-user.js';
import { audit } from '../../audit/audit.js';
import { isFamily, type MemberCase } from '../../cases/access.js';
import { caseLocals, memberCaseOr404 } from '../../cases/page-helpers.js';
import { inTransaction } from '../../db/pool.js';
import { clientIp } from '../../web/client-ip.js';
import { renderNotFound } from '../../web/errors.js';
import { parseForm } from '../../web/forms/parse.js';
import { redirectWithNotice } from '../../web/notice.js';
import { paths } from '../../web/paths.js';
import { formatDateTime } from '../../web/format.js';
import { allAboutMePaths } from '../paths.js';
import { findAllAboutMe, saveAllAboutMe, submitAllAboutMe, type StoredAllAboutMe } from './data.js';
import { ALL_ABOUT_ME_SECTIONS, allAboutMeMissing, allAboutMeSchema } from './form.js';

type Params = { caseId: string };
const familyOnly = (memberCase: MemberCase) => isFamily(memberCase.role);

/** The family's own advice: written during the assessment, saved as a draft, sent once. */
export function allAboutMeRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const { pool } = deps;

  /** The case, its family member, and the views so far; a 404 unless it can be written now or has been sent. */
  const load = async (req: Request<Params>, res: Response) => {
    const memberCase = await memberCaseOr404(pool, req, res, familyOnly);
    if (!memberCase) return undefined;
    const views = await findAllAboutMe(pool, memberCase.id);
    if (!views?.submittedAt && memberCase.currentStage !== 'assessment') {
      renderNotFound(res);
      return undefined;
    }
    return { memberCase, views };
  };

  const locals = (memberCase: MemberCase, views: StoredAllAboutMe | undefined) => ({
    ...caseLocals(memberCase),
    sections: ALL_ABOUT_ME_SECTIONS,
    views,
    savedAtText: formatDateTime(views?.savedAt),
    submittedAtText: formatDateTime(views?.submittedAt),
    formLinks: {
      form: allAboutMePaths.form(memberCase.id),
      check: allAboutMePaths.check(memberCase.id),
      submit: allAboutMePaths.submit(memberCase.id),
      stage: paths.caseStage(memberCase.id, 'assessment'),
    },
  });

  router.get(allAboutMePaths.form(':caseId'), requireSignedIn, async (req: Request<Params>, res) => {
    const loaded = await load(req, res);
    if (loaded)
      res.render('advice/all-about-me/form', {
        ...locals(loaded.memberCase, loaded.views),
        values: loaded.views ?? {},
      });
  });

  router.post(allAboutMePaths.form(':caseId'), requireSignedIn, async (req: Request<Params>, res) => {
    const loaded = await load(req, res);
    if (!loaded) return;
    const { memberCase } = loaded;
    if (loaded.views?.submittedAt) return renderNotFound(res);
    const values = req.body ?? {};
    const parsed = parseForm(allAboutMeSchema, values);
    const view = 'advice/all-about-me/form';
    if (!parsed.ok)
      return res.status(400).render(view, { ...locals(memberCase, loaded.views), ...parsed.errors, values });
    if (values.action === 'continue') {
      const missing = allAboutMeMissing(parsed.data);
      if (missing) return res.status(400).render(view, { ...locals(memberCase, loaded.views), ...missing, values });
    }
    const saved = await inTransaction(pool, (client) =>
      saveAllAboutMe(client, memberCase.id, req.user!.id, parsed.data, deps.clock.now()),
    );
    if (!saved) return renderNotFound(res);
    if (values.action === 'continue') return res.redirect(allAboutMePaths.check(memberCase.id));
    redirectWithNotice(req, res, allAboutMePaths.form(memberCase.id), {
      heading: 'Your draft has been saved',
      lines: ['You can come back to it at any time before you send it.'],
    });
  });

  router.get(allAboutMePaths.check(':caseId'), requireSignedIn, async (req: Request<Params>, res) => {
    const loaded = await load(req, res);
    if (!loaded) return;
    if (loaded.views?.submittedAt || allAboutMeMissing(loaded.views))
      return res.redirect(allAboutMePaths.form(loaded.memberCase.id));
    res.render('advice/all-about-me/check', locals(loaded.memberCase, loaded.views));
  });

  router.post(allAboutMePaths.submit(':caseId'), requireSignedIn, async (req: Request<Params>, res) => {
    const loaded = await load(req, res);
    if (!loaded) return;
    const { memberCase } = loaded;
    if (allAboutMeMissing(loaded.views)) return renderNotFound(res);
    const submitted = await inTransaction(pool, async (client) => {
      const now = deps.clock.now();
      if (!(await submitAllAboutMe(client, memberCase.id, req.user!.id, now))) return false;
      await audit(
        client,
        {
          action: 'advice.all-about-me-submitted',
          actorUserId: req.user!.id,
          caseId: memberCase.id,
          ip: clientIp(req),
        },
        now,
      );
      return true;
    });
    if (!submitted) return renderNotFound(res);
    redirectWithNotice(req, res, allAboutMePaths.form(memberCase.id), {
      heading: 'All about me has been sent to the council',
      lines: ['Your case co-ordinator will read it with the advice from the professionals.'],
    });
  });

  return router;
}
