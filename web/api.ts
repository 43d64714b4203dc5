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
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; auth?: boolean } = {},
): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.auth === false || !session ? {} : { authorization: `Bearer ${session.accessToken}` }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (res.status === 401 && init.auth !== false && session && (await refresh())) return api(path, init);
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

export async function refresh(): Promise<boolean> {
  const token = session?.refreshToken ?? localStorage.getItem(REFRESH_KEY);
  if (!token) return false;
  try {
    const s = await api<Session>('/v1/auth/refresh', { body: { refreshToken: token }, auth: false });
    setSession(s);
    return true;
  } catch {
    localStorage.removeItem(REFRESH_KEY);
    return false;
  }
}

export function setSession(s: Session): void {
  session = s;
  localStorage.setItem(REFRESH_KEY, s.refreshToken);
}
