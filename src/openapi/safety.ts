import { z } from 'zod';
import { chat } from '../chats/schemas.js';
import { invitation, invitationList } from '../invitations/schemas.js';
import {
  createInviteBody,
  invite,
  inviteList,
  invitePreview,
  joinRequested,
  joinRequestList,
} from '../invites/schemas.js';
import { blockList } from '../privacy/schemas.js';
import { reportAccepted, reportBody } from '../reports/schemas.js';

// The API reference of safety and privacy: blocks, invitations, invite links, reports.

interface Helpers {
  json: (schema: z.ZodType, description: string) => object;
  errors: (...statuses: number[]) => Record<string, object>;
  body: (schema: z.ZodType) => object;
}

const userParam = z.object({ userId: z.string() });
const chatIdParam = z.object({ chatId: z.string().describe('g_<ULID> for groups') });
const codeParam = z.object({ code: z.string().describe('24 characters, base64url (144 random bits)') });
const idParam = z.object({ id: z.string() });

export const safetyRoutes = ({ json, errors, body }: Helpers) =>
  [
    {
      method: 'get',
      path: '/v1/users/me/blocks',
      summary: 'The people I blocked',
      responses: { 200: json(blockList, 'My blocks'), ...errors(401) },
    },
    {
      method: 'put',
      path: '/v1/users/me/blocks/{userId}',
      summary:
        'Block someone (idempotent): they cannot start a direct chat with me, send in ours or add me to groups, and see neither my presence, last seen, typing nor read markers; they are not told',
      request: { params: userParam },
      responses: { 204: { description: 'Blocked' }, ...errors(401, 404, 422) },
    },
    {
      method: 'delete',
      path: '/v1/users/me/blocks/{userId}',
      summary: 'Unblock someone (idempotent)',
      request: { params: userParam },
      responses: { 204: { description: 'Unblocked' }, ...errors(401, 404, 422) },
    },
    {
      method: 'get',
      path: '/v1/users/me/invitations',
      summary: 'Groups I was added to while I accept adds from nobody (groupAdd), for 3 days each',
      responses: { 200: json(invitationList, 'My pending invitations'), ...errors(401) },
    },
    {
      method: 'post',
      path: '/v1/users/me/invitations/{id}/accept',
      summary: 'Join the group I was invited to',
      request: { params: idParam },
      responses: { 200: json(chat, 'The group, now with me'), ...errors(401, 404, 422) },
    },
    {
      method: 'post',
      path: '/v1/users/me/invitations/{id}/decline',
      summary: 'Decline an invitation',
      request: { params: idParam },
      responses: { 204: { description: 'Declined' }, ...errors(401, 404) },
    },
    {
      method: 'post',
      path: '/v1/chats/{chatId}/invites',
      summary: 'Create an invite link (owners and admins)',
      request: { params: chatIdParam, ...body(createInviteBody) },
      responses: { 201: json(invite, 'The link'), ...errors(400, 401, 403, 404, 422) },
    },
    {
      method: 'get',
      path: '/v1/chats/{chatId}/invites',
      summary: "A group's live invite links (owners and admins)",
      request: { params: chatIdParam },
      responses: { 200: json(inviteList, 'The links'), ...errors(401, 403, 404, 422) },
    },
    {
      method: 'delete',
      path: '/v1/chats/{chatId}/invites/{code}',
      summary: 'Revoke an invite link (owners and admins): it answers 404 from now on',
      request: { params: chatIdParam.extend(codeParam.shape) },
      responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404, 422) },
    },
    {
      method: 'get',
      path: '/v1/chats/{chatId}/join-requests',
      summary: 'Pending join requests (groups that approve new members; owners and admins)',
      request: { params: chatIdParam },
      responses: { 200: json(joinRequestList, 'The requests'), ...errors(401, 403, 404, 422) },
    },
    {
      method: 'post',
      path: '/v1/chats/{chatId}/join-requests/{userId}/approve',
      summary: 'Approve a join request: the person becomes a member',
      request: { params: chatIdParam.extend(userParam.shape) },
      responses: { 204: { description: 'Approved' }, ...errors(401, 403, 404, 422) },
    },
    {
      method: 'post',
      path: '/v1/chats/{chatId}/join-requests/{userId}/deny',
      summary: 'Deny a join request',
      request: { params: chatIdParam.extend(userParam.shape) },
      responses: { 204: { description: 'Denied' }, ...errors(401, 403, 404, 422) },
    },
    {
      method: 'get',
      path: '/v1/invites/{code}',
      summary: 'Preview a group by its invite code: name and member count only (lookups rate-limited)',
      request: { params: codeParam },
      responses: { 200: json(invitePreview, 'The group'), ...errors(401, 404, 429) },
    },
    {
      method: 'post',
      path: '/v1/invites/{code}/join',
      summary: 'Join by invite code, or ask to (202) when the group approves new members',
      request: { params: codeParam },
      responses: {
        200: json(chat, 'Joined (or already a member)'),
        202: json(joinRequested, 'Asked; an admin approves or denies'),
        ...errors(401, 404, 422, 429),
      },
    },
    {
      method: 'post',
      path: '/v1/reports',
      summary:
        'Report a user, chat or message for moderation (the message text is kept as it was); block: true also blocks the reported person; rate-limited',
      request: body(reportBody),
      responses: { 202: json(reportAccepted, 'Stored'), ...errors(400, 401, 404, 422, 429) },
    },
  ] as const;

/** The 202 of adding someone who accepts adds from nobody. */
export const invitedInstead = z.object({ invitation });
