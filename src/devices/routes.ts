import { Router } from 'express';
import { currentUser } from '../auth/middleware.js';
import { notFound } from '../lib/errors.js';
import { parse } from '../lib/http.js';
import { deviceIdSchema, registerDeviceBody } from './schemas.js';
import type { DeviceService } from './service.js';

export function deviceRoutes(devices: DeviceService): Router {
  const r = Router();
  r.post('/', async (req, res) => {
    const { device, created } = await devices.register(currentUser(req), parse(registerDeviceBody, req.body));
    res.status(created ? 201 : 200).json(device);
  });
  r.get('/', async (req, res) => {
    res.json({ devices: await devices.list(currentUser(req)) });
  });
  r.delete('/:id', async (req, res) => {
    // A malformed id names no device of mine: 404 like another user's.
    const id = deviceIdSchema.safeParse(req.params.id);
    if (!id.success) throw notFound('Device not found');
    await devices.remove(currentUser(req), id.data);
    res.status(204).end();
  });
  return r;
}

/** GET /v1/push/vapid-key: the applicationServerKey browsers subscribe with. */
export function vapidKeyRoutes(publicKey: string | undefined): Router {
  const r = Router();
  r.get('/vapid-key', (_req, res) => {
    if (!publicKey) throw notFound('Web Push is not configured on this server');
    res.json({ publicKey });
  });
  return r;
}
