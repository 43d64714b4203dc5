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
import { body, json, type Route } from './operation.js';

// The API reference of safety and privacy: blocks, invitations, invite links, reports.

const userParam = z.object({ userId: z.string() });
const chatIdParam = z.object({ chatId: z.string().describe('g_<ULID> for groups') });
const codeParam = z.object({ code: z.string().describe('24 characters, base64url (144 random bits)') });
const idParam = z.object({ id: z.string() });

export const safetyRoutes: Route[] = [
  {
    method: 'get',
    path: '/v1/users/me/blocks',
    operationId: 'listBlocks',
    tags: ['Safety'],
    summary: 'The people I blocked',
    responses: { 200: json(blockList, 'My blocks') },
  },
  {
    method: 'put',
    path: '/v1/users/me/blocks/{userId}',
    operationId: 'blockUser',
    tags: ['Safety'],
    codes: ['not_found', 'unprocessable'],
    summary:
      'Block someone (idempotent): they cannot start a direct chat with me, send in ours or add me to groups, and see neither my presence, last seen, typing nor read markers; they are not told',
    request: { params: userParam },
    responses: { 204: { description: 'Blocked' } },
  },
  {
    method: 'delete',
    path: '/v1/users/me/blocks/{userId}',
    operationId: 'unblockUser',
    tags: ['Safety'],
    codes: ['not_found', 'unprocessable'],
    summary: 'Unblock someone (idempotent)',
    request: { params: userParam },
    responses: { 204: { description: 'Unblocked' } },
  },
  {
    method: 'get',
    path: '/v1/users/me/invitations',
    operationId: 'listInvitations',
    tags: ['Safety'],
    summary: 'Groups I was added to while I accept adds from nobody (groupAdd), for 3 days each',
    responses: { 200: json(invitationList, 'My pending invitations') },
  },
  {
    method: 'post',
    path: '/v1/users/me/invitations/{id}/accept',
    operationId: 'acceptInvitation',
    tags: ['Safety'],
    codes: ['not_found', 'unprocessable'],
    summary: 'Join the group I was invited to',
    request: { params: idParam },
    responses: { 200: json(chat, 'The group, now with me') },
  },
  {
    method: 'post',
    path: '/v1/users/me/invitations/{id}/decline',
    operationId: 'declineInvitation',
    tags: ['Safety'],
    codes: ['not_found'],
    summary: 'Decline an invitation',
    request: { params: idParam },
    responses: { 204: { description: 'Declined' } },
  },
  {
    method: 'post',
    path: '/v1/chats/{chatId}/invites',
    operationId: 'createInvite',
    tags: ['Safety'],
    codes: ['forbidden', 'not_found', 'unprocessable'],
    summary: 'Create an invite link (owners and admins)',
    request: { params: chatIdParam, ...body(createInviteBody) },
    responses: { 201: json(invite, 'The link') },
  },
  {
    method: 'get',
    path: '/v1/chats/{chatId}/invites',
    operationId: 'listInvites',
    tags: ['Safety'],
    codes: ['forbidden', 'not_found', 'unprocessable'],
    summary: "A group's live invite links (owners and admins)",
    request: { params: chatIdParam },
    responses: { 200: json(inviteList, 'The links') },
  },
  {
    method: 'delete',
    path: '/v1/chats/{chatId}/invites/{code}',
    operationId: 'revokeInvite',
    tags: ['Safety'],
    codes: ['forbidden', 'not_found', 'unprocessable'],
    summary: 'Revoke an invite link (owners and admins): it answers 404 from now on',
    request: { params: chatIdParam.extend(codeParam.shape) },
    responses: { 204: { description: 'Revoked' } },
  },
  {
    method: 'get',
    path: '/v1/chats/{chatId}/join-requests',
    operationId: 'listJoinRequests',
    tags: ['Safety'],
    codes: ['forbidden', 'not_found', 'unprocessable'],
    summary: 'Pending join requests (groups that approve new members; owners and admins)',
    request: { params: chatIdParam },
    responses: { 200: json(joinRequestList, 'The requests') },
  },
  {
    method: 'post',
    path: '/v1/chats/{chatId}/join-requests/{userId}/approve',
    operationId: 'approveJoinRequest',
    tags: ['Safety'],
    codes: ['forbidden', 'not_found', 'unprocessable'],
    summary: 'Approve a join request: the person becomes a member',
    request: { params: chatIdParam.extend(userParam.shape) },
    responses: { 204: { description: 'Approved' } },
  },
  {
    method: 'post',
    path: '/v1/chats/{chatId}/join-requests/{userId}/deny',
    operationId: 'denyJoinRequest',
    tags: ['Safety'],
    codes: ['forbidden', 'not_found', 'unprocessable'],
    summary: 'Deny a join request',
    request: { params: chatIdParam.extend(userParam.shape) },
    responses: { 204: { description: 'Denied' } },
  },
  {
    method: 'get',
    path: '/v1/invites/{code}',
    operationId: 'previewInvite',
    tags: ['Safety'],
    codes: ['not_found', 'rate_limited'],
    summary: 'Preview a group by its invite code: name and member count only (lookups rate-limited)',
    request: { params: codeParam },
    responses: { 200: json(invitePreview, 'The group') },
  },
  {
    method: 'post',
    path: '/v1/invites/{code}/join',
    operationId: 'joinByInvite',
    tags: ['Safety'],
    codes: ['not_found', 'unprocessable', 'rate_limited'],
    summary: 'Join by invite code, or ask to (202) when the group approves new members',
    request: { params: codeParam },
    responses: {
      200: json(chat, 'Joined (or already a member)'),
      202: json(joinRequested, 'Asked; an admin approves or denies'),
    },
  },
  {
    method: 'post',
    path: '/v1/reports',
    operationId: 'createReport',
    tags: ['Safety'],
    codes: ['not_found', 'unprocessable', 'rate_limited'],
    summary:
      'Report a user, chat or message for moderation (the message text is kept as it was); block: true also blocks the reported person; rate-limited',
    request: body(reportBody),
    responses: { 202: json(reportAccepted, 'Stored') },
  },
];

/** The 202 of adding someone who accepts adds from nobody. */
export const invitedInstead = z.object({ invitation });
