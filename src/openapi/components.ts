import { zodToOpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  changePasswordBody,
  loginBody,
  refreshBody,
  resetConfirmBody,
  resetRequestBody,
  sessionList,
  sessionResponse,
  signupBody,
} from '../auth/schemas.js';
import {
  addMemberBody,
  chat,
  chatPage,
  chatSettingsPatch,
  createChatBody,
  deliveredBody,
  member,
  readBody,
  updateChatBody,
  updateMemberBody,
} from '../chats/schemas.js';
import { registerDeviceBody } from '../devices/schemas.js';
import { createInviteBody } from '../invites/schemas.js';
import { type ErrorCode, errorCatalogue } from '../lib/errors.js';
import {
  editMessageBody,
  historyQuery,
  historyResponse,
  message,
  reactionBody,
  receiptsResponse,
  sendMessageBody,
} from '../messages/schemas.js';
import { clientFrame, serverFrame } from '../realtime/frames.js';
import { reportBody } from '../reports/schemas.js';
import { deleteMeBody, emailSchema, me, publicUser, updateMeBody } from '../users/schemas.js';

// Names for the shared schemas, so the documents reference one component per model instead of
// writing it out at every use (generated clients then get one type per model). The names are set
// on the schema instances the routes validate with, so nesting (a Chat inside a ChatPage) is a
// reference too. Give a new model or request body a name here; the OpenAPI test lists unnamed ones.

/** Names a schema for zod-to-openapi (keeping what it already carries) plus extra JSON Schema. */
function name(schema: z.ZodType, id: string, extra: Record<string, unknown> = {}): void {
  const meta = zodToOpenAPIRegistry.get(schema) as { _internal?: object } | undefined;
  zodToOpenAPIRegistry.add(schema, { ...meta, ...extra, _internal: { ...meta?._internal, refId: id } });
}

/** Extra JSON Schema (or `param` fields) on a schema that has no name of its own. */
function note(schema: z.ZodType, extra: Record<string, unknown>): void {
  zodToOpenAPIRegistry.add(schema, { ...zodToOpenAPIRegistry.get(schema), ...extra });
}

const pascal = (s: string) => s.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase());

/** `ClientSendFrame`, `ServerMessageUpdatedFrame`, …: the component name of a frame type. */
export const frameName = (side: 'Client' | 'Server', type: string) => `${side}${pascal(type)}Frame`;

export const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

export const errorCode = z.enum(errorCodes).meta({
  id: 'ErrorCode',
  description: 'A code of the error catalogue (docs/errors.md); HTTP and WebSocket share it',
});

export const validationIssue = z
  .object({
    path: z.string().describe("the offending field, dot-separated ('' for the body as a whole)"),
    message: z.string(),
  })
  .meta({ id: 'ValidationIssue' });

export const errorBody = z
  .object({
    error: z.object({
      code: errorCode,
      message: z.string().describe('for people; branch on `code`'),
      details: z
        .unknown()
        .optional()
        .describe(
          '`validation_failed`: an array of ValidationIssue, one per problem; other codes may carry an object (e.g. `unprocessable`: `{ userIds }` of unknown users)',
        ),
    }),
  })
  .meta({ id: 'Error' });

let named = false;

/** Names every shared model once; the document builders call it before generating. */
export function nameComponents(): void {
  if (named) return;
  named = true;
  name(publicUser, 'User');
  name(me, 'Me');
  name(emailSchema, 'Email', { format: 'email' });
  note(me.shape.email, { format: 'email' });
  // OpenAPI cannot say "at most one of two query parameters": described instead.
  note(historyQuery.shape.before, {
    param: { description: 'A message id: the page of older messages, newest first. Not with `after`.' },
  });
  note(historyQuery.shape.after, {
    param: { description: 'A message id: the page of newer messages, oldest first. Not with `before`.' },
  });
  name(member, 'Member');
  name(message, 'Message');
  name(chat, 'Chat');
  name(chatPage, 'ChatPage');
  name(historyResponse, 'MessagePage');
  name(sessionResponse, 'SignedIn');
  name(sessionList, 'SessionList');
  name(signupBody, 'SignupRequest');
  name(loginBody, 'LoginRequest');
  name(refreshBody, 'RefreshRequest');
  name(changePasswordBody, 'ChangePasswordRequest');
  name(resetRequestBody, 'PasswordResetRequest');
  name(resetConfirmBody, 'PasswordResetConfirmRequest');
  // The server answers 400 "nothing to update" for {}: at least one field.
  name(updateMeBody, 'UpdateMeRequest', { minProperties: 1 });
  name(deleteMeBody, 'DeleteMeRequest');
  name(createChatBody, 'CreateChatRequest');
  name(updateChatBody, 'UpdateChatRequest', { minProperties: 1 });
  name(addMemberBody, 'AddMemberRequest');
  name(updateMemberBody, 'UpdateMemberRequest');
  name(readBody, 'ReadRequest');
  name(sendMessageBody, 'SendMessageRequest');
  name(editMessageBody, 'EditMessageRequest');
  name(deliveredBody, 'DeliveredRequest');
  name(reactionBody, 'ReactionRequest');
  name(createInviteBody, 'CreateInviteRequest');
  name(reportBody, 'ReportRequest');
  name(chatSettingsPatch, 'ChatSettingsRequest', { minProperties: 1 });
  name(registerDeviceBody, 'RegisterDeviceRequest');
  name(receiptsResponse, 'Receipts');
  name(clientFrame, 'ClientFrame', { description: 'Every frame a client sends (docs/protocol.md)' });
  name(serverFrame, 'ServerFrame', { description: 'Every frame the server sends (docs/protocol.md)' });
  for (const f of clientFrame.options) name(f, frameName('Client', f.shape.type.value));
  for (const f of serverFrame.options) name(f, frameName('Server', f.shape.type.value));
}

/** Response headers, referenced from every response that carries them. */
export const headers = {
  XRequestId: {
    description:
      'The id of this request in the server logs: the client-sent X-Request-Id when it is 8–64 of [A-Za-z0-9._-], else a new UUID',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{8,64}$' },
    required: true,
  },
  RetryAfter: {
    description: 'Seconds to wait before retrying',
    schema: { type: 'string', pattern: '^[0-9]+$' },
    required: true,
  },
  WWWAuthenticate: {
    description: 'The scheme to authenticate with: `Bearer realm="chat-x"`',
    schema: { type: 'string' },
    required: true,
  },
  Allow: {
    description: 'The methods the path serves',
    schema: { type: 'string' },
    required: true,
  },
} as const;
