import type { Connection } from './connection.js';
import type { ChatEvent } from './events.js';
import type { ServerFrame } from './frames.js';
import type { Registry } from './registry.js';
import { encodeFrame } from './wire.js';

/**
 * Turns durable chat events into frames for this instance's connections. Each frame is
 * encoded once per event, whatever the number of recipients.
 */
export class Fanout {
  constructor(private readonly registry: Registry) {}

  deliver(e: ChatEvent): void {
    switch (e.type) {
      case 'message': {
        const data = encodeFrame({ type: 'message', message: e.message });
        for (const c of this.registry.room(e.chatId)) if (c.id !== e.origin) c.write(data);
        return;
      }
      case 'message_updated':
      case 'message_deleted':
        return this.toRoom(e.chatId, { type: e.type, message: e.message });
      case 'chat_updated': {
        const { type, chatId, name, addPolicy } = e;
        return this.toRoom(chatId, {
          type,
          chatId,
          ...(name ? { name } : {}),
          ...(addPolicy ? { addPolicy } : {}),
        });
      }
      case 'member_updated':
      case 'read':
        return this.toRoom(e.chatId, e);
      case 'typing': {
        // Not to the typist's own devices.
        const data = encodeFrame(e);
        for (const c of this.registry.room(e.chatId)) if (c.userId !== e.userId) c.write(data);
        return;
      }
      case 'member_added':
        // Join first, so the new member's devices learn of the chat with everyone else.
        for (const c of this.registry.connectionsOf(e.userId)) this.join(c, e.chatId);
        return this.toRoom(e.chatId, e);
      case 'member_removed':
        // Tell the room (the removed member too), then stop their live traffic at once.
        this.toRoom(e.chatId, e);
        for (const c of this.registry.connectionsOf(e.userId)) this.leave(c, e.chatId);
        return;
      case 'presence': {
        const { userId, online, lastSeenAt } = e;
        const data = encodeFrame({ type: 'presence', userId, online, ...(lastSeenAt ? { lastSeenAt } : {}) });
        const targets = new Set<Connection>();
        for (const chatId of e.chatIds)
          for (const c of this.registry.room(chatId)) if (c.userId !== userId) targets.add(c);
        for (const c of targets) c.write(data);
        return;
      }
    }
  }

  /** Adds a chat to a connection; it receives live traffic only once it is ready. */
  join(c: Connection, chatId: string): void {
    c.chats.add(chatId);
    if (c.state === 'ready') this.registry.join(c, chatId);
  }

  leave(c: Connection, chatId: string): void {
    c.chats.delete(chatId);
    this.registry.leave(c, chatId);
  }

  private toRoom(chatId: string, frame: ServerFrame): void {
    const data = encodeFrame(frame);
    for (const c of this.registry.room(chatId)) c.write(data);
  }
}
