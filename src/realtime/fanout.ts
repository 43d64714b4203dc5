import type { ChatEvent } from '../feed/events.js';
import type { LabelCounter } from '../metrics/registry.js';
import { viewerSeesPresence, viewerSeesRead } from '../privacy/visibility.js';
import type { Connection } from './connection.js';
import type { Registry } from './registry.js';
import { toFrame } from './to-frame.js';
import { encodeFrame } from './wire.js';

const RESYNC = encodeFrame({ type: 'resync' });

/**
 * Turns chat events into frames for this instance's connections. Each frame is encoded once per
 * event, whatever the number of recipients.
 */
export class Fanout {
  constructor(
    private readonly registry: Registry,
    private readonly framesOut?: LabelCounter,
  ) {}

  /** Writes the event's frame to the connections here that need it; returns how many. */
  deliver(e: ChatEvent): number {
    const frame = toFrame(e);
    const n = this.write(e, encodeFrame(frame));
    if (n > 0) this.framesOut?.inc(frame.type, n);
    return n;
  }

  private write(e: ChatEvent, data: Buffer): number {
    let n = 0;
    switch (e.type) {
      case 'message':
        for (const c of this.registry.room(e.chatId)) {
          c.activeChats?.add(e.chatId);
          if (c.id !== e.origin) {
            c.write(data);
            n += 1;
          }
        }
        return n;
      case 'typing':
        // Not to the typist's own devices, nor to anyone they blocked.
        for (const c of this.registry.room(e.chatId))
          if (c.userId !== e.userId && !c.privacy.blockedBy.has(e.userId)) {
            c.write(data);
            n += 1;
          }
        return n;
      case 'read':
        for (const c of this.registry.room(e.chatId)) {
          const own = c.userId === e.userId;
          if (own || (!e.ownDevicesOnly && viewerSeesRead(c.privacy, e.userId, e.chatId))) {
            c.write(data);
            n += 1;
          }
        }
        return n;
      case 'member_added':
        // Join first, so the new member's devices learn of the chat with everyone else.
        for (const c of this.registry.connectionsOf(e.userId)) this.joinLive(c, e.chatId);
        return this.toRoom(e.chatId, data);
      case 'member_removed':
        // Tell the room (the removed member too), then stop their live traffic at once.
        n = this.toRoom(e.chatId, data);
        for (const c of this.registry.connectionsOf(e.userId)) this.leave(c, e.chatId);
        return n;
      case 'message_hidden': {
        // Deleted for me: my devices only.
        let hidden = 0;
        for (const c of this.registry.connectionsOf(e.userId))
          if (c.chats.has(e.chatId)) {
            c.write(data);
            hidden++;
          }
        return hidden;
      }
      case 'presence': {
        // The owner's setting already chose chatIds; each viewer's own setting and blocks apply here.
        const targets = new Set<Connection>();
        for (const chatId of e.chatIds)
          for (const c of this.registry.room(chatId)) {
            const viaActive = c.activeChats?.has(chatId) ?? false;
            if (c.userId !== e.userId && viewerSeesPresence(c.privacy, e.userId, viaActive)) targets.add(c);
          }
        for (const c of targets) c.write(data);
        return targets.size;
      }
      case 'chat_settings':
        // One user's own settings: their devices only.
        for (const c of this.registry.connectionsOf(e.userId)) {
          c.write(data);
          n += 1;
        }
        return n;
      default:
        return this.toRoom(e.chatId, data);
    }
  }

  /**
   * Adds a chat to a connection; it receives live traffic only once it is ready. When this
   * instance was not yet listening to the chat, resolves once the chat's events flow here.
   */
  join(c: Connection, chatId: string): Promise<void> | undefined {
    c.chats.add(chatId);
    return c.state === 'ready' ? this.registry.join(c, chatId) : undefined;
  }

  /**
   * A live join (the user was just added): if this instance only now starts listening to the
   * chat, events published before that took effect never came here, so the device gets no
   * checkpoint and is asked to sync once they flow.
   */
  private joinLive(c: Connection, chatId: string): void {
    const started = this.join(c, chatId);
    if (!started) return;
    c.missedLive();
    void started.then(() => c.write(RESYNC));
  }

  leave(c: Connection, chatId: string): void {
    c.chats.delete(chatId);
    this.registry.leave(c, chatId);
  }

  private toRoom(chatId: string, data: Buffer): number {
    const room = this.registry.room(chatId);
    for (const c of room) c.write(data);
    return room.size;
  }
}
