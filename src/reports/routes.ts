import { Router } from 'express';
import { currentUser } from '../auth/middleware.js';
import { parse } from '../lib/http.js';
import { reportBody } from './schemas.js';
import type { ReportService } from './service.js';

/** /v1/reports */
export function reportRoutes(reports: ReportService): Router {
  const r = Router();
  // 202: stored for moderation; what happens next is not the reporter's to see.
  r.post('/', async (req, res) => {
    res.status(202).json(await reports.report(currentUser(req), parse(reportBody, req.body)));
  });
  return r;
}
