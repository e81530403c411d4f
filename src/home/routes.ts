import { Router } from 'express';
import type { FeatureDeps } from '../deps.js';
import { paths } from '../web/paths.js';

/** The start page and the pages every visitor can read: help, contact us, accessibility, privacy. */
export function homeRoutes(_deps: FeatureDeps): Router {
  const router = Router();
  router.get(paths.home, (req, res) => {
    if (req.user) return res.redirect(req.user.kind === 'staff' ? paths.staff : paths.cases);
    res.render('home/start');
  });
  router.get(paths.help, (_req, res) => res.render('home/help'));
  router.get(paths.contact, (_req, res) => res.render('home/contact'));
  router.get(paths.accessibility, (_req, res) => res.render('home/accessibility'));
  router.get(paths.privacy, (_req, res) => res.render('home/privacy'));
  return router;
}
