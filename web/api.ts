// Session and REST calls: the access token rides on every call, a 401 triggers one refresh.
export interface Session {
  user: { id: string; userName: string };
  accessToken: string;
  refreshToken: string;
}

export const REFRESH_KEY = 'chatx.refreshToken';

export let session: Session | undefined;

export function clearSession(): void {
  session = undefined;
  localStorage.removeItem(REFRESH_KEY);
  localStorage.removeItem('chatx.lastSeen'); // whom this account talks to is not the next one's business
}

/** One problem with one field of a request, as the API's `details` lists them. */
export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = '',
    readonly details: FieldError[] = [],
  ) {
    super(message);
  }
}

export const OFFLINE = 'Could not reach the server. Check your connection and try again.';

/** What to tell the user about a failure: the server's words, or that it could not be reached. */
export function describe(x: unknown): string {
  return x instanceof Error ? x.message : String(x);
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; auth?: boolean } = {},
): Promise<T> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.auth === false || !session ? {} : { authorization: `Bearer ${session.accessToken}` }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    text = await res.text();
  } catch {
    throw new ApiError(0, OFFLINE, 'offline');
  }
  if (res.status === 401 && init.auth !== false && session && (await refresh())) return api(path, init);
  let body: { error?: { code?: string; message?: string; details?: FieldError[] } } | undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: a proxy's error page, say
  }
  if (!res.ok) {
    const e = body?.error;
    const message = res.status >= 502 && !e ? OFFLINE : (e?.message ?? `HTTP ${res.status}`);
    throw new ApiError(res.status, message, e?.code ?? '', Array.isArray(e?.details) ? e.details : []);
  }
  return body as T;
}

/**
 * Rotates the refresh token. Tabs share it through localStorage, so they take turns (a Web Lock)
 * and each uses the newest stored token: two tabs refreshing at once would otherwise present the
 * same token twice (the server forgives that for a few seconds, but no longer).
 */
export async function refresh(): Promise<boolean> {
  const locks = (navigator as { locks?: { request<T>(name: string, fn: () => Promise<T>): Promise<T> } })
    .locks;
  return locks ? locks.request('chatx.refresh', rotate) : rotate();
}

async function rotate(): Promise<boolean> {
  const token = localStorage.getItem(REFRESH_KEY) ?? session?.refreshToken;
  if (!token) return false;
  try {
    const s = await api<Session>('/v1/auth/refresh', { body: { refreshToken: token }, auth: false });
    setSession(s);
    return true;
  } catch (x) {
    // Unreachable is not refused: keep the token for when the server is back.
    if (x instanceof ApiError && x.status === 0) return false;
    // Another tab may have rotated it meanwhile: only forget the token that failed.
    if (localStorage.getItem(REFRESH_KEY) === token) localStorage.removeItem(REFRESH_KEY);
    return false;
  }
}

export function setSession(s: Session): void {
  session = s;
  localStorage.setItem(REFRESH_KEY, s.refreshToken);
}
