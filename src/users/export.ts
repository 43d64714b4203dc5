import type { Message } from '../messages/schemas.js';
import type { UserStore } from './store.js';
import { toMe } from './view.js';

/** A chat as the export names it: no other member's data. */
export interface ExportedChat {
  id: string;
  type: 'direct' | 'group';
  name?: string;
  role: string;
  joinedAt: string;
}

export interface DataExportDeps {
  users: UserStore;
  chatsOf(userId: string): Promise<ExportedChat[]>;
  /** One page of the sender's own messages in a chat, oldest first; `next` absent at the end. */
  ownMessages(
    chatId: string,
    senderId: string,
    limit: number,
    after?: string,
  ): Promise<{ messages: Message[]; next?: string }>;
  /** Messages read per page: what bounds memory, whatever the history's length. */
  pageSize: number;
  /** My privacy settings and the ids of the people I blocked (src/privacy). */
  privacyOf?(userId: string): Promise<Record<string, unknown>>;
}

/**
 * A user's data as one JSON document, produced piece by piece: the profile, the chats (ids,
 * names, my role) and every message I sent, paging through each chat's history. Other users
 * appear only as the ids already in my messages' chats, never with their profiles or emails.
 */
export class DataExport {
  constructor(private readonly deps: DataExportDeps) {}

  /** Undefined when the user does not exist (checked before anything is written). */
  async open(userId: string): Promise<AsyncGenerator<string> | undefined> {
    const user = await this.deps.users.getById(userId);
    if (!user) return undefined;
    const chats = await this.deps.chatsOf(userId);
    const privacy = await this.deps.privacyOf?.(userId);
    const head = {
      exportedAt: new Date().toISOString(),
      profile: toMe(user),
      ...(privacy ? { privacy } : {}),
      chats,
    };
    return this.chunks(userId, JSON.stringify(head).slice(0, -1), chats);
  }

  private async *chunks(userId: string, head: string, chats: ExportedChat[]): AsyncGenerator<string> {
    yield `${head},"messages":[`;
    let first = true;
    for (const chat of chats) {
      let after: string | undefined;
      do {
        const page = await this.deps.ownMessages(chat.id, userId, this.deps.pageSize, after);
        for (const m of page.messages) {
          yield `${first ? '\n' : ',\n'}${JSON.stringify(exported(m))}`;
          first = false;
        }
        after = page.next;
      } while (after !== undefined);
    }
    yield '\n]}\n';
  }
}

const exported = (m: Message) => ({
  id: m.id,
  chatId: m.chatId,
  ...(m.text !== undefined ? { text: m.text } : {}),
  createdAt: m.createdAt,
  ...(m.updatedAt ? { updatedAt: m.updatedAt } : {}),
  ...(m.deleted ? { deleted: true } : {}),
});
