import type { Publisher } from '../feed/events.js';
import type { Inbox } from '../feed/inbox.js';
import { changeItem, type LoggedChange } from '../feed/log.js';
import { notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { ChatSettings, ChatSettingsPatch } from './schemas.js';
import { type ChatSettingsStore, DEFAULT_SETTINGS } from './settings-store.js';
import { ConditionFailed } from './store.js';

/**
 * A member's own settings of a chat (mute, archive, pin). A change is a durable per-user event in
 * the chat's log: the user's other devices get it live or replay it; other members never see it.
 */
export class ChatSettingsService {
  constructor(
    private readonly store: ChatSettingsStore,
    private readonly inbox: Pick<Inbox, 'cover'>,
    private readonly bus: Publisher,
    private readonly requireMember: (chatId: string, userId: string) => Promise<unknown>,
  ) {}

  async update(chatId: string, userId: string, patch: ChatSettingsPatch): Promise<ChatSettings> {
    await this.requireMember(chatId, userId);
    const current = (await this.store.among([{ userId, chatId }])).get(`${chatId}|${userId}`);
    const settings: ChatSettings = { ...DEFAULT_SETTINGS, ...current, ...patch };
    // Stamped for this user (and the chat's members, if not yet this minute) before the position.
    await this.inbox.cover(chatId, [userId]);
    const pos = newId();
    const event: LoggedChange = { type: 'chat_settings', chatId, pos, userId, settings };
    try {
      await this.store.put(chatId, userId, settings, changeItem(chatId, pos, [event]));
    } catch (err) {
      // Not a member (or no such chat): 404, like every other chat the caller cannot see.
      if (err instanceof ConditionFailed) throw notFound('Chat not found');
      throw err;
    }
    this.bus.publish(event);
    return settings;
  }
}
