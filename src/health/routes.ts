import { Router } from 'express';
import type pg from 'pg';
import { paths } from '../web/paths.js';

/** Liveness and database reachability, for load balancers and monitoring. */
export function healthRoutes(pool: pg.Pool): Router {
  const router = Router();
  router.get(paths.health, async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      await pool.query({ text: 'SELECT 1', query_timeout: 2_000 } as never);
      res.json({ status: 'ok', database: 'up' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });
  return router;
}
