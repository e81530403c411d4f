import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { FeatureDeps } from '../../deps.js';
import { requireSignedIn } from '../../auth/current-user.js';
import { downloadNameFor } from '../../uploads/index.js';
import { parseForm } from '../../web/forms/parse.js';
import { isFamily, type MemberCase } from '../access.js';
import type { Queryable } from '../../db/pool.js';
import { caseLocals, memberCaseOr404 } from '../page-helpers.js';
import { redirectWithNotice } from '../../web/notice.js';
import { normaliseText } from '../../web/forms/fields.js';
import { casePaths } from '../paths.js';
import { MAX_DESCRIPTION_LENGTH } from './upload-form.js';

declare module 'express-session' {
  interface SessionData {
    /** The files of the last upload of several, each to be given its own description. */
    uploadedBatch?: { caseId: string; documentIds: string[] };
  }
}

interface BatchFile {
  id: string;
  name: string;
  description: string;
}

/** The user's own files of the batch still on the case, in the order they were uploaded. */
async function batchFiles(db: Queryable, caseId: string, userId: string, ids: string[]): Promise<BatchFile[]> {
  const { rows } = await db.query(
    `SELECT id, original_filename, content_type, description FROM documents
      WHERE case_id = $1 AND uploaded_by = $2 AND id = ANY($3::uuid[]) AND kind = 'family-upload' AND removed_at IS NULL
      ORDER BY array_position($3::uuid[], id)`,
    [caseId, userId, ids],
  );
  return rows.map((row) => ({
    id: row.id,
    name: downloadNameFor(row.original_filename, row.content_type),
    description: row.description ?? '',
  }));
}

const fieldOf = (file: { id: string }) => `description-${file.id}`;

/** A description for each file of the batch, on one line. */
const oneLine = (value: unknown) => normaliseText(value).replace(/\s+/g, ' ');

function descriptionsSchema(files: BatchFile[]) {
  return z.object(
    Object.fromEntries(
      files.map((file) => [
        fieldOf(file),
        z.preprocess(
          oneLine,
          z
            .string()
            .min(1, `Enter a description of ${file.name}`)
            .max(
              MAX_DESCRIPTION_LENGTH,
              `The description of ${file.name} must be ${MAX_DESCRIPTION_LENGTH} characters or fewer`,
            ),
        ),
      ]),
    ),
  );
}

/** After uploading several files at once: a description for each, starting from the one typed for all. */
export function describeDocumentsRoutes(deps: FeatureDeps): Router {
  const router = Router();

  async function load(
    req: Request,
    res: Response,
  ): Promise<{ memberCase: MemberCase; files: BatchFile[] } | undefined> {
    const memberCase = await memberCaseOr404(deps.pool, req, res, (c) => isFamily(c.role));
    if (!memberCase) return undefined;
    const batch = req.session.uploadedBatch;
    const files =
      batch?.caseId === memberCase.id
        ? await batchFiles(deps.pool, memberCase.id, req.user!.id, batch.documentIds)
        : [];
    if (files.length === 0) return void res.redirect(casePaths.documents(memberCase.id));
    return { memberCase, files };
  }

  const render = (res: Response, memberCase: MemberCase, files: BatchFile[], extra: Record<string, unknown> = {}) =>
    res.render('cases/documents/describe-documents', {
      ...caseLocals(memberCase),
      files: files.map((file) => ({ ...file, field: fieldOf(file) })),
      formAction: casePaths.describeDocuments(memberCase.id),
      ...extra,
    });

  router.get(casePaths.describeDocuments(':caseId'), requireSignedIn, async (req, res) => {
    const found = await load(req, res);
    if (found) render(res, found.memberCase, found.files);
  });

  router.post(casePaths.describeDocuments(':caseId'), requireSignedIn, async (req, res) => {
    const found = await load(req, res);
    if (!found) return;
    const { memberCase, files } = found;
    const typed = files.map((file) => ({ ...file, description: oneLine(req.body?.[fieldOf(file)]) }));
    const parsed = parseForm(descriptionsSchema(files), req.body);
    if (!parsed.ok) return render(res.status(400), memberCase, typed, { ...parsed.errors });
    for (const file of typed) {
      await deps.pool.query(
        `UPDATE documents SET description = $3 WHERE id = $1 AND uploaded_by = $2 AND removed_at IS NULL`,
        [file.id, req.user!.id, file.description],
      );
    }
    delete req.session.uploadedBatch;
    redirectWithNotice(req, res, casePaths.documents(memberCase.id), {
      heading: `${files.length} documents have been uploaded`,
      lines: typed.map((file) => `${file.name}: ${file.description}`),
    });
  });

  return router;
}
