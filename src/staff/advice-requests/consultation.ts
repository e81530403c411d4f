import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { FeatureDeps } from '../../deps.js';
import type { Queryable } from '../../db/pool.js';
import { draftPlanResponses } from '../../cases/index.js';
import { placementAnswerDue } from '../../ehc/index.js';
import { clientIp } from '../../web/client-ip.js';
import { renderNotFound } from '../../web/errors.js';
import { staffAdvicePaths } from '../../advice/paths.js';
import { emailAddress, requiredLongText, requiredText } from '../../web/forms/fields.js';
import { renderWithErrors } from '../../web/forms/errors.js';
import { parseForm, ruleErrors } from '../../web/forms/parse.js';
import { redirectWithNotice } from '../../web/notice.js';
import { findCouncilCase, type CouncilCase } from '../cases-data.js';
import { formatDate } from '../../web/format.js';
import { staffPaths, staffPattern } from '../paths.js';
import { staffMemberOf } from '../staff-member.js';
import { MAX_QUESTION_LENGTH } from './schema.js';
import { requestAdvice, sentWords } from './service.js';

const consultationSchema = z.object({
  settingName: requiredText('Enter the name of the school or setting', 200, 'The name must be 200 characters or fewer'),
  fullName: requiredText(
    'Enter the name of the person at the setting',
    200,
    'Full name must be 200 characters or fewer',
  ),
  email: emailAddress('Enter their email address'),
  question: requiredLongText(
    'Enter what you are asking the setting',
    MAX_QUESTION_LENGTH,
    `What you are asking must be ${MAX_QUESTION_LENGTH} characters or fewer`,
  ),
});

/** A draft plan has been issued and the final plan not yet: the time to consult on a placement. */
export const consulting = (found: CouncilCase) =>
  Boolean(found.row.draft_plan_issued_on) && !found.row.final_plan_issued_on;

/** The schools and settings the family named in their responses to the draft plan, newest first. */
export async function namedSettings(db: Queryable, caseId: string): Promise<string[]> {
  const responses = await draftPlanResponses(db, caseId);
  return [
    ...new Set(
      responses
        .filter((response) => response.kind === 'draft-plan' && response.preferredSetting.trim())
        .map((response) => response.preferredSetting.trim()),
    ),
  ];
}

/** Consulting the school or setting the family named: it answers on the Hub within 15 days. */
export function consultationRoutes(deps: FeatureDeps): Router {
  const router = Router();
  const { pool } = deps;
  const view = 'staff/advice-requests/consult';

  const load = async (req: Request<{ caseId: string }>, res: Response) => {
    const found = await findCouncilCase(pool, staffMemberOf(req).councilId, req.params.caseId);
    const settings = found && consulting(found) ? await namedSettings(pool, found.id) : [];
    if (!found || settings.length === 0) {
      renderNotFound(res);
      return undefined;
    }
    return { found, settings };
  };

  router.get(
    staffPattern(staffAdvicePaths.newConsultation(':caseId')),
    async (req: Request<{ caseId: string }>, res) => {
      const loaded = await load(req, res);
      if (!loaded) return;
      const { found, settings } = loaded;
      const question = `${found.childFirstName}’s family has asked for ${settings[0]} to be named in ${found.childFirstName}’s EHC plan. Please tell us whether you can meet ${found.childFirstName}’s needs, with your reasons.`;
      res.render(view, { caseSummary: found, settings, values: { settingName: settings[0], question } });
    },
  );

  router.post(
    staffPattern(staffAdvicePaths.newConsultation(':caseId')),
    async (req: Request<{ caseId: string }>, res) => {
      const loaded = await load(req, res);
      if (!loaded) return;
      const { found, settings } = loaded;
      const values = req.body ?? {};
      const parsed = parseForm(consultationSchema, values);
      if (!parsed.ok) return renderWithErrors(res, view, parsed.errors, { caseSummary: found, settings, values });
      const result = await requestAdvice(deps, {
        staff: staffMemberOf(req),
        ip: clientIp(req),
        caseId: found.id,
        kind: 'placement',
        ...parsed.data,
        dueOn: placementAnswerDue,
        allowed: consulting,
      });
      if (result.outcome === 'not-found') return renderNotFound(res);
      if (result.outcome === 'refused')
        return renderWithErrors(res, view, ruleErrors([[result.field, result.message]]), {
          caseSummary: found,
          settings,
          values,
        });
      redirectWithNotice(req, res, staffPaths.case(found.id), {
        heading: `${parsed.data.settingName} has been consulted`,
        lines: [
          `${sentWords(result.outcome)} ${result.fullName} (${result.email}). The answer is due by ${formatDate(result.dueOn)}.`,
        ],
      });
    },
  );

  return router;
}
