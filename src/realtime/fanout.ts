import type { ChatEvent } from '../feed/events.js';
import type { Connection } from './connection.js';
import type { Registry } from './registry.js';
import { toFrame } from './to-frame.js';
import { encodeFrame } from './wire.js';

/**
 * Turns chat events into frames for this instance's connections. Each frame is encoded once per
 * event, whatever the number of recipients.
 */
export class Fanout {
  constructor(private readonly registry: Registry) {}

  deliver(e: ChatEvent): void {
    const data = encodeFrame(toFrame(e));
    switch (e.type) {
      case 'message':
        for (const c of this.registry.room(e.chatId)) if (c.id !== e.origin) c.write(data);
        return;
      case 'typing':
        // Not to the typist's own devices.
        for (const c of this.registry.room(e.chatId)) if (c.userId !== e.userId) c.write(data);
        return;
      case 'member_added':
        // Join first, so the new member's devices learn of the chat with everyone else.
        for (const c of this.registry.connectionsOf(e.userId)) this.join(c, e.chatId);
        return this.toRoom(e.chatId, data);
      case 'member_removed':
        // Tell the room (the removed member too), then stop their live traffic at once.
        this.toRoom(e.chatId, data);
        for (const c of this.registry.connectionsOf(e.userId)) this.leave(c, e.chatId);
        return;
      case 'presence': {
        const targets = new Set<Connection>();
        for (const chatId of e.chatIds)
          for (const c of this.registry.room(chatId)) if (c.userId !== e.userId) targets.add(c);
        for (const c of targets) c.write(data);
        return;
      }
      case 'chat_settings':
        // One user's own settings: their devices only.
        for (const c of this.registry.connectionsOf(e.userId)) c.write(data);
        return;
      default:
        return this.toRoom(e.chatId, data);
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

  private toRoom(chatId: string, data: Buffer): void {
    for (const c of this.registry.room(chatId)) c.write(data);
  }
}
