import { Router } from 'express';
import { parse } from '../lib/http.js';
import { loginBody, refreshBody, signupBody } from './schemas.js';
import type { AuthService } from './service.js';

export function authRoutes(auth: AuthService): Router {
  const r = Router();
  r.post('/signup', async (req, res) => {
    res.status(201).json(await auth.signup(parse(signupBody, req.body), clientIp(req.ip)));
  });
  r.post('/login', async (req, res) => {
    res.json(await auth.login(parse(loginBody, req.body), clientIp(req.ip)));
  });
  r.post('/refresh', async (req, res) => {
    res.json(await auth.refresh(parse(refreshBody, req.body).refreshToken, clientIp(req.ip)));
  });
  r.post('/logout', async (req, res) => {
    await auth.logout(parse(refreshBody, req.body).refreshToken);
    res.status(204).end();
  });
  return r;
}

const clientIp = (ip: string | undefined) => ip ?? 'unknown';
