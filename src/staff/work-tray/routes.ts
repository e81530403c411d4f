import { Router } from 'express';
import { clientIp } from '../../web/client-ip.js';
import { z } from 'zod';
import type { FeatureDeps } from '../../deps.js';
import { ukToday } from '../../clock.js';
import { STAGE_IDS, STAGES, stageLabel } from '../../ehc/index.js';
import { paginationFor } from '../pagination.js';
import { staffPaths, staffPattern } from '../paths.js';
import { staffMemberOf } from '../staff-member.js';
import { workTrayPage, type TrayFilters } from './query.js';

const filtersSchema = z.object({
  stage: z.enum(STAGE_IDS).optional().catch(undefined),
  due: z.enum(['overdue', 'soon', 'advice-overdue']).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  activity: z.enum(['new']).optional().catch(undefined),
  mine: z.enum(['yes']).optional().catch(undefined),
  sort: z.enum(['due', 'activity']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});

function trayHref(filters: TrayFilters, page: number): string {
  const query = new URLSearchParams();
  if (filters.stage) query.set('stage', filters.stage);
  if (filters.due) query.set('due', filters.due);
  if (filters.search) query.set('q', filters.search);
  if (filters.activity) query.set('activity', filters.activity);
  if (filters.mine) query.set('mine', 'yes');
  if (filters.sort === 'activity') query.set('sort', 'activity');
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `${staffPaths.workTray}?${text}` : staffPaths.workTray;
}

/** The work tray: the council's cases with their stage and next statutory date. */
export function workTrayRoutes(deps: FeatureDeps): Router {
  const router = Router();
  router.get(staffPattern(staffPaths.workTray), async (req, res) => {
    const staff = staffMemberOf(req);
    const query = filtersSchema.parse(req.query);
    const filters: TrayFilters = {
      stage: query.stage,
      due: query.due,
      search: query.q || undefined,
      activity: query.activity,
      mine: query.mine === 'yes',
      sort: query.sort ?? 'due',
      viewerId: staff.id,
      page: query.page,
    };
    const today = ukToday(deps.clock);
    const tray = await workTrayPage(deps.pool, staff.councilId, filters, today, {
      actorUserId: staff.id,
      ip: clientIp(req),
      at: deps.clock.now(),
      details: {
        stage: filters.stage ?? null,
        due: filters.due ?? null,
        searched: Boolean(filters.search),
        activity: filters.activity ?? null,
        mine: filters.mine,
        sort: filters.sort,
      },
    });
    res.render('staff/work-tray', {
      filters,
      tray,
      rows: tray.rows.map((row) => ({ ...row, stageLabel: stageLabel(row.stage), href: staffPaths.case(row.id) })),
      first: tray.total === 0 ? 0 : (tray.page - 1) * 50 + 1,
      last: Math.min(tray.page * 50, tray.total),
      pagination: paginationFor(tray.page, tray.pageCount, (page) => trayHref(filters, page)),
      stageItems: [
        { value: '', text: 'All stages' },
        ...STAGES.map((stage) => ({ value: stage.id, text: stage.label, selected: stage.id === filters.stage })),
      ],
      filtered: Boolean(
        filters.stage ||
        filters.due ||
        filters.search ||
        filters.activity ||
        filters.mine ||
        filters.sort === 'activity',
      ),
      orderWords:
        filters.sort === 'activity' ? 'latest activity from the family first' : 'soonest statutory date first',
    });
  });
  return router;
}
