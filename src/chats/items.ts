import type { AddPolicy, Role } from './schemas.js';
import type { ChatMeta, MemberRecord } from './store.js';

// The chats table's meta and member items, read by both ChatStore and ChatListStore.

export const META = 'meta';
export const memberSk = (userId: string) => `member#${userId}`;

export function toMeta(item: Record<string, unknown>): ChatMeta {
  return {
    chatId: item.chatId as string,
    type: item.type as ChatMeta['type'],
    ...(typeof item.name === 'string' ? { name: item.name } : {}),
    ...(typeof item.addPolicy === 'string' ? { addPolicy: item.addPolicy as AddPolicy } : {}),
    ...(item.approveMembers === true ? { approveMembers: true } : {}),
    createdBy: item.createdBy as string,
    createdAt: item.createdAt as string,
    memberCount: Number(item.memberCount),
  };
}

export function toMember(item: Record<string, unknown>): MemberRecord {
  return {
    chatId: item.chatId as string,
    userId: item.memberId as string,
    role: item.role as Role,
    joinedAt: item.joinedAt as string,
    ...(typeof item.lastReadId === 'string' ? { lastReadId: item.lastReadId } : {}),
    ...(typeof item.lastReadAt === 'string' ? { lastReadAt: item.lastReadAt } : {}),
    ...(typeof item.lastDeliveredId === 'string' ? { lastDeliveredId: item.lastDeliveredId } : {}),
    ...(typeof item.lastDeliveredAt === 'string' ? { lastDeliveredAt: item.lastDeliveredAt } : {}),
    ...(typeof item.mentionsAtRead === 'number' ? { mentionsAtRead: item.mentionsAtRead } : {}),
    ...(typeof item.joinedPos === 'string' ? { joinedPos: item.joinedPos } : {}),
    ...(typeof item.readCount === 'number' ? { readCount: item.readCount } : {}),
    ...(typeof item.sentAtRead === 'number' ? { sentAtRead: item.sentAtRead } : {}),
    ...(typeof item.peerId === 'string' ? { peerId: item.peerId } : {}),
    ...(item.peerDeleted === true ? { peerDeleted: true } : {}),
  };
}
