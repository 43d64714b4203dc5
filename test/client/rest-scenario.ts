import createClient from 'openapi-fetch';
import type { paths } from '../../src/client/api.js';

// A REST client typed only by the types openapi-typescript generates from the OpenAPI document
// (src/client/api.d.ts), as a mobile or web team would use them. `pnpm api:client` compiles this
// file under `tsc --strict`; rest-client.test.ts runs it against a real server.

export interface ScenarioResult {
  chatId: string;
  sent: string;
  history: string[];
  missingChat: string;
}

export async function restScenario(baseUrl: string, tag: string): Promise<ScenarioResult> {
  const api = createClient<paths>({ baseUrl });
  const password = 'correct horse battery';
  const signUp = (name: string) =>
    api.POST('/v1/auth/signup', {
      body: { email: `${name}@example.com`, password, userName: name },
    });
  const alice = await signUp(`alice_${tag}`);
  const bob = await signUp(`bob_${tag}`);
  if (!alice.data || !bob.data) throw new Error(`sign-up failed: ${alice.error?.error.code}`);
  const auth = { headers: { Authorization: `Bearer ${alice.data.accessToken}` } };

  const created = await api.POST('/v1/chats', {
    ...auth,
    body: { type: 'group', name: 'Typed', memberIds: [bob.data.user.id] },
  });
  if (!created.data) throw new Error(`create failed: ${created.error?.error.code}`);
  const chatId = created.data.id;

  const sent = await api.POST('/v1/chats/{chatId}/messages', {
    ...auth,
    params: { path: { chatId } },
    body: { clientMsgId: `typed-${tag}`, text: 'hello from a generated client' },
  });
  if (!sent.data) throw new Error(`send failed: ${sent.error?.error.code}`);

  const page = await api.GET('/v1/chats/{chatId}/messages', {
    ...auth,
    params: { path: { chatId }, query: { limit: 10 } },
  });
  const history = (page.data?.messages ?? []).map((m) => m.text ?? '(deleted)');

  // An error answer is typed too: its code is one the document lists for that status.
  const missing = await api.GET('/v1/chats/{chatId}', {
    ...auth,
    params: { path: { chatId: `g_${'0'.repeat(26)}` } },
  });
  const missingChat: string = missing.error?.error.code ?? 'no error';

  return { chatId, sent: sent.data.text ?? '', history, missingChat };
}

// Calls the server would refuse do not compile.
export async function refusedAtCompileTime(api: ReturnType<typeof createClient<paths>>): Promise<void> {
  // @ts-expect-error the body is required
  await api.POST('/v1/chats/{chatId}/messages', { params: { path: { chatId: 'g_x' } } });
  await api.PATCH('/v1/chats/{chatId}/messages/{messageId}', {
    params: { path: { chatId: 'g_x', messageId: 'm' } },
    // @ts-expect-error text is required
    body: {},
  });
  // @ts-expect-error no such route
  await api.GET('/v1/chats/{chatId}/nothing', { params: { path: { chatId: 'g_x' } } });
  await api.PATCH('/v1/chats/{chatId}/members/{userId}', {
    params: { path: { chatId: 'g_x', userId: 'u' } },
    // @ts-expect-error role is one of owner, admin, member
    body: { role: 'king' },
  });
}
