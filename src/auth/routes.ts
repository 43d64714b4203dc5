import { type RequestHandler, Router } from 'express';
import { parse } from '../lib/http.js';
import type { AccountService } from './account-service.js';
import { currentSession } from './middleware.js';
import {
  changePasswordBody,
  loginBody,
  refreshBody,
  resetConfirmBody,
  resetRequestBody,
  sessionIdParams,
  signupBody,
} from './schemas.js';
import type { AuthService } from './service.js';

/** `authenticated` (requireAuth) guards the routes that act on the caller's own account. */
export function authRoutes(
  auth: AuthService,
  account: AccountService,
  authenticated: RequestHandler,
): Router {
  const r = Router();
  r.post('/signup', async (req, res) => {
    const body = parse(signupBody, req.body);
    res.status(201).json(await auth.signup(body, clientIp(req.ip), req.get('user-agent')));
  });
  r.post('/login', async (req, res) => {
    res.json(await auth.login(parse(loginBody, req.body), clientIp(req.ip), req.get('user-agent')));
  });
  r.post('/refresh', async (req, res) => {
    res.json(await auth.refresh(parse(refreshBody, req.body).refreshToken, clientIp(req.ip)));
  });
  r.post('/logout', async (req, res) => {
    await auth.logout(parse(refreshBody, req.body).refreshToken);
    res.status(204).end();
  });
  r.post('/password-reset', (req, res) => {
    account.requestReset(parse(resetRequestBody, req.body).email, clientIp(req.ip));
    res.status(202).end();
  });
  r.post('/password-reset/confirm', async (req, res) => {
    await account.confirmReset(parse(resetConfirmBody, req.body));
    res.status(204).end();
  });

  r.post('/password', authenticated, async (req, res) => {
    const { userId, sessionId } = currentSession(req);
    await account.changePassword(userId, sessionId, parse(changePasswordBody, req.body), clientIp(req.ip));
    res.status(204).end();
  });
  r.get('/sessions', authenticated, async (req, res) => {
    const { userId, sessionId } = currentSession(req);
    res.json({ sessions: await account.listSessions(userId, sessionId) });
  });
  r.delete('/sessions/:id', authenticated, async (req, res) => {
    await account.endSession(currentSession(req).userId, parse(sessionIdParams, req.params).id);
    res.status(204).end();
  });
  r.post('/logout-all', authenticated, async (req, res) => {
    const { userId, sessionId } = currentSession(req);
    await account.endAllSessions(userId, sessionId);
    res.status(204).end();
  });
  return r;
}

const clientIp = (ip: string | undefined) => ip ?? 'unknown';
