// Generated from the OpenAPI document by `pnpm api:types` (openapi-typescript). Do not edit:
// change src/openapi/ and regenerate. `pnpm api:client` fails when this file is out of date.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness (no I/O) */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: DynamoDB answers (Redis, when configured, only degrades) */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in */
        post: operations["logIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token (reuse revokes the session) */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of a refresh token */
        post: operations["logOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (ends every other session) */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My sessions (sign-ins), oldest first */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my sessions everywhere */
        delete: operations["endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End all my sessions, this one included */
        post: operations["logOutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a password-reset link (202 whether or not the email has an account) */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password from a reset link (ends every session) */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My profile */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /** Delete my account (password required): profile, email, userName and sessions go at once; I leave my groups, my direct chats become read-only, my messages stay as from a deleted account */
        delete: operations["deleteMe"];
        options?: never;
        head?: never;
        /** Change my userName or displayName, and my privacy: lastSeen (everyone, chats: people I share a chat with messages with, nobody; reciprocal), readReceipts (false: no read markers either way in direct chats), groupAdd (nobody: adds become invitations) */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/v1/users/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My data as one JSON document (profile, chats, my messages), streamed */
        get: operations["exportMyData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find users by userName prefix (3+ characters) or by exact email (only users who share a chat with me); rate-limited per user */
        get: operations["searchUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My chats, most recent activity first */
        get: operations["listChats"];
        put?: never;
        /** Start a direct chat (200 if it exists) or create a group */
        post: operations["createChat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A chat I am in */
        get: operations["getChat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a group, change who may add members, or whether joins by invite link need approval */
        patch: operations["updateChat"];
        trace?: never;
    };
    "/v1/chats/{chatId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a member to a group */
        post: operations["addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member, or leave (my own id) */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /** Change a member role (owner only; role=owner hands ownership over) */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/v1/chats/{chatId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move my read marker forward */
        post: operations["markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * History: before= newest first, after= oldest first
         * @description At most one of `before` and `after` (both: 400 `validation_failed`); neither: the newest page. `hasMore` says whether another page exists in the same direction.
         */
        get: operations["listMessages"];
        put?: never;
        /** Send a message (idempotent per clientMsgId) */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        /** Delete a message for everyone (leaves a tombstone; the sender within DELETE_WINDOW_SECONDS, else 409 delete_window_expired; group owners/admins any time), or with for=me hide it from my history and devices only */
        delete: operations["deleteMessage"];
        options?: never;
        head?: never;
        /** Edit my message (within EDIT_WINDOW_SECONDS of sending, else 409 edit_window_expired) */
        patch: operations["editMessage"];
        trace?: never;
    };
    "/v1/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change in my chats since a token (the WebSocket replay, without a socket)
         * @description Without `since`: no changes, only the current token (a device that just loaded its state). With it: the frames a connected device would have received live since then, oldest first, at most `limit`; `complete: false` means more wait, so call again with the new token. 400 `sync_token_invalid` for a token not issued to me; 410 `sync_expired` past 30 days.
         */
        get: operations["sync"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document (OpenAPI 3.1) */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/asyncapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The WebSocket protocol as an AsyncAPI 3.0 document, generated from the same frame schemas */
        get: operations["getAsyncApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A readable page of this document (no scripts, nothing loaded from elsewhere) */
        get: operations["getDocsPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move my delivered marker forward: my devices have the chat up to this message */
        post: operations["markDelivered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/messages/{messageId}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Message info: when each member received and read my message (the sender's only) */
        get: operations["getMessageReceipts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/messages/{messageId}/reaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set my reaction (one emoji; replaces mine; idempotent) */
        put: operations["setReaction"];
        post?: never;
        /** Remove my reaction (idempotent) */
        delete: operations["removeReaction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people I blocked */
        get: operations["listBlocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/blocks/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Block someone (idempotent): they cannot start a direct chat with me, send in ours or add me to groups, and see neither my presence, last seen, typing nor read markers; they are not told */
        put: operations["blockUser"];
        post?: never;
        /** Unblock someone (idempotent) */
        delete: operations["unblockUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Groups I was added to while I accept adds from nobody (groupAdd), for 3 days each */
        get: operations["listInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join the group I was invited to */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/invitations/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an invitation */
        post: operations["declineInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A group's live invite links (owners and admins) */
        get: operations["listInvites"];
        put?: never;
        /** Create an invite link (owners and admins) */
        post: operations["createInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/invites/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invite link (owners and admins): it answers 404 from now on */
        delete: operations["revokeInvite"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/join-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending join requests (groups that approve new members; owners and admins) */
        get: operations["listJoinRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/join-requests/{userId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a join request: the person becomes a member */
        post: operations["approveJoinRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/join-requests/{userId}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deny a join request */
        post: operations["denyJoinRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invites/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preview a group by its invite code: name and member count only (lookups rate-limited) */
        get: operations["previewInvite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invites/{code}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join by invite code, or ask to (202) when the group approves new members */
        post: operations["joinByInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a user, chat or message for moderation (the message text is kept as it was); block: true also blocks the reported person; rate-limited */
        post: operations["createReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chats/{chatId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * My own settings of a chat: mute until, archive, pin (any subset)
         * @description Only I see them; they reach my other devices as a `chat_settings` frame (live or on sync). Muted: no push notifications until `mutedUntil`. Pinned chats lead my chat list; archived ones are left out of it unless `?archived=true`.
         */
        patch: operations["updateChatSettings"];
        trace?: never;
    };
    "/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My push targets */
        get: operations["listDevices"];
        put?: never;
        /**
         * Register a push target (Web Push subscription, APNs or FCM token)
         * @description Idempotent: the same endpoint or token again answers 200 with the same id. At most 10 per user (422). 422 as well when the platform is not configured on this server.
         */
        post: operations["registerDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one of my push targets */
        delete: operations["removeDevice"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/push/vapid-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The VAPID public key browsers subscribe with (applicationServerKey) */
        get: operations["getVapidKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                code: components["schemas"]["ErrorCode"];
                /** @description for people; branch on `code` */
                message: string;
                /** @description `validation_failed`: an array of ValidationIssue, one per problem; other codes may carry an object (e.g. `unprocessable`: `{ userIds }` of unknown users) */
                details?: unknown;
            };
        };
        /**
         * @description A code of the error catalogue (docs/errors.md); HTTP and WebSocket share it
         * @enum {string}
         */
        ErrorCode: "validation_failed" | "malformed_json" | "unauthorized" | "invalid_credentials" | "invalid_token" | "forbidden" | "not_found" | "conflict" | "reset_token_invalid" | "sync_token_invalid" | "sync_expired" | "payload_too_large" | "unprocessable" | "rate_limited" | "internal" | "unavailable" | "edit_window_expired" | "delete_window_expired" | "method_not_allowed" | "blocked";
        /** @description Every frame a client sends (docs/protocol.md) */
        ClientFrame: components["schemas"]["ClientAuthFrame"] | components["schemas"]["ClientSendFrame"] | components["schemas"]["ClientSyncFrame"] | components["schemas"]["ClientTypingFrame"] | components["schemas"]["ClientReadFrame"] | components["schemas"]["ClientPingFrame"] | components["schemas"]["ClientDeliveredFrame"] | components["schemas"]["ClientReactFrame"];
        ClientAuthFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "auth";
            token: string;
        };
        ClientSendFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "send";
            chatId: string;
            clientMsgId: string;
            text: string;
            retry?: boolean;
            /** @description id of a message of the same chat */
            replyTo?: string;
            /** @description ids of members of the chat */
            mentions?: string[];
        };
        ClientSyncFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "sync";
            since?: string;
        };
        ClientTypingFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "typing";
            chatId: string;
        };
        ClientReadFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "read";
            chatId: string;
            messageId: string;
        };
        ClientPingFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ping";
        };
        ClientDeliveredFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delivered";
            chatId: string;
            messageId: string;
        };
        ClientReactFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "react";
            chatId: string;
            messageId: string;
            emoji: string | null;
        };
        SignedIn: {
            user: components["schemas"]["Me"];
            accessToken: string;
            refreshToken: string;
            /** @description access token lifetime in seconds */
            expiresIn: number;
        };
        Me: {
            id: string;
            userName: string;
            displayName?: string;
            createdAt: string;
            /** Format: email */
            email: string;
            pushPreviews: boolean;
            /**
             * @description who sees my online status and last seen (default everyone)
             * @enum {string}
             */
            lastSeen?: "everyone" | "chats" | "nobody";
            /** @description false: others do not see my read markers in direct chats */
            readReceipts?: boolean;
            /**
             * @description nobody: adds to groups become invitations
             * @enum {string}
             */
            groupAdd?: "everyone" | "nobody";
        };
        SignupRequest: {
            email: components["schemas"]["Email"];
            password: string;
            userName: string;
        };
        /** Format: email */
        Email: string;
        LoginRequest: {
            email: string;
            password: string;
        };
        RefreshRequest: {
            refreshToken: string;
        };
        ChangePasswordRequest: {
            currentPassword: string;
            newPassword: string;
        };
        SessionList: {
            sessions: components["schemas"]["Session"][];
        };
        Session: {
            id: string;
            /** @description the device it was signed in from (its User-Agent), or "Unknown device" */
            label: string;
            createdAt: string;
            /** @description when its refresh token was last used */
            lastUsedAt: string;
            /** @description the session of the access token making this request */
            current: boolean;
        };
        PasswordResetRequest: {
            email: string;
        };
        PasswordResetConfirmRequest: {
            token: string;
            newPassword: string;
        };
        UpdateMeRequest: {
            userName?: string;
            displayName?: string;
            /** @description false: push notifications leave out message text */
            pushPreviews?: boolean;
            /** @enum {string} */
            lastSeen?: "everyone" | "chats" | "nobody";
            readReceipts?: boolean;
            /** @enum {string} */
            groupAdd?: "everyone" | "nobody";
        };
        DeleteMeRequest: {
            password: string;
        };
        User: {
            id: string;
            userName: string;
            displayName?: string;
            createdAt: string;
        };
        Chat: {
            id: string;
            /** @enum {string} */
            type: "direct" | "group";
            name?: string;
            /** @enum {string} */
            addPolicy?: "anyone" | "admins";
            /** @description joins by invite link wait for an admin */
            approveMembers?: boolean;
            createdAt: string;
            lastActivityAt: string;
            members: components["schemas"]["Member"][];
            lastMessage: components["schemas"]["Message"] | null;
            /** @description messages from others after my read marker, capped at 1000 */
            unreadCount: number;
            /** @description every other member received the chat up to this message id: two ticks up to here */
            deliveredUpTo?: string;
            /** @description every other member read the chat up to this message id: blue ticks up to here */
            readUpTo?: string;
            /** @description messages mentioning me after my read marker, capped at 1000 */
            mentionCount: number;
            /** @description on creation: people invited instead of added (they accept adds from nobody) */
            invited?: string[];
            settings: {
                /** @description no push notifications until then (ISO-8601); null: not muted */
                mutedUntil: string | null;
                archived: boolean;
                /** @description pinned chats lead the chat list */
                pinned: boolean;
            };
        };
        Member: {
            userId: string;
            userName: string;
            displayName?: string;
            /** @enum {string} */
            role: "owner" | "admin" | "member";
            lastReadId?: string;
            /** @description this member's devices received the chat up to here (read implies delivered) */
            lastDeliveredId?: string;
        };
        Message: {
            id: string;
            chatId: string;
            senderId: string;
            clientMsgId: string;
            /** @description absent on deleted messages */
            text?: string;
            createdAt: string;
            updatedAt?: string;
            /** @enum {boolean} */
            deleted?: true;
            /** @description the message this one replies to, as a short preview */
            replyTo?: {
                id: string;
                senderId: string;
                /** @description the original's first 100 characters */
                text?: string;
                /**
                 * @description the original was deleted: a tombstone, no text
                 * @enum {boolean}
                 */
                deleted?: true;
            };
            /** @description user ids of mentioned members */
            mentions?: string[];
            /** @description emoji → ids of the members who reacted with it (one reaction per member) */
            reactions?: {
                [key: string]: string[];
            };
        };
        CreateChatRequest: {
            /** @enum {string} */
            type: "direct";
            userId: string;
        } | {
            /** @enum {string} */
            type: "group";
            name: string;
            /** @default [] */
            memberIds?: string[];
            /**
             * @default admins
             * @enum {string}
             */
            addPolicy?: "anyone" | "admins";
        };
        ChatPage: {
            chats: components["schemas"]["Chat"][];
            nextCursor: string | null;
        };
        UpdateChatRequest: {
            name?: string;
            /** @enum {string} */
            addPolicy?: "anyone" | "admins";
            approveMembers?: boolean;
        };
        AddMemberRequest: {
            userId: string;
        };
        UpdateMemberRequest: {
            /** @enum {string} */
            role: "owner" | "admin" | "member";
        };
        ReadRequest: {
            messageId: string;
        };
        SendMessageRequest: {
            clientMsgId: string;
            text: string;
            /** @description id of a message of the same chat */
            replyTo?: string;
            /** @description ids of members of the chat */
            mentions?: string[];
        };
        MessagePage: {
            messages: components["schemas"]["Message"][];
            /** @description true when another page exists in the same direction */
            hasMore: boolean;
        };
        EditMessageRequest: {
            text: string;
        };
        SyncPage: {
            /** @description the same frames a connected device receives live */
            changes: components["schemas"]["ServerFrame"][];
            token: string;
            complete: boolean;
        };
        /** @description Every frame the server sends (docs/protocol.md) */
        ServerFrame: components["schemas"]["ServerReadyFrame"] | components["schemas"]["ServerAuthedFrame"] | components["schemas"]["ServerAckFrame"] | components["schemas"]["ServerMessageFrame"] | components["schemas"]["ServerMessageUpdatedFrame"] | components["schemas"]["ServerMessageDeletedFrame"] | components["schemas"]["ServerSyncedFrame"] | components["schemas"]["ServerTypingFrame"] | components["schemas"]["ServerReadFrame"] | components["schemas"]["ServerPresenceFrame"] | components["schemas"]["ServerChatUpdatedFrame"] | components["schemas"]["ServerMemberAddedFrame"] | components["schemas"]["ServerMemberRemovedFrame"] | components["schemas"]["ServerMemberUpdatedFrame"] | components["schemas"]["ServerErrorFrame"] | components["schemas"]["ServerChatSettingsFrame"] | components["schemas"]["ServerResyncFrame"] | components["schemas"]["ServerPongFrame"] | components["schemas"]["ServerDeliveredFrame"] | components["schemas"]["ServerReactionFrame"] | components["schemas"]["ServerMessageHiddenFrame"] | components["schemas"]["ServerBlockUpdatedFrame"] | components["schemas"]["ServerPrivacyUpdatedFrame"] | components["schemas"]["ServerInvitationAddedFrame"] | components["schemas"]["ServerInvitationRemovedFrame"] | components["schemas"]["ServerJoinRequestedFrame"] | components["schemas"]["ServerJoinRequestClosedFrame"];
        ServerReadyFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ready";
            userId: string;
            connectionId: string;
            expiresAt: string;
        };
        ServerAuthedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "authed";
            expiresAt: string;
        };
        ServerAckFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ack";
            clientMsgId: string;
            message: components["schemas"]["Message"];
        };
        ServerMessageFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "message";
            message: components["schemas"]["Message"];
        };
        ServerMessageUpdatedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "message_updated";
            message: components["schemas"]["Message"];
        };
        ServerMessageDeletedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "message_deleted";
            message: components["schemas"]["Message"];
        };
        ServerSyncedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "synced";
            token: string;
            complete: boolean;
        };
        ServerTypingFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "typing";
            chatId: string;
            userId: string;
        };
        ServerReadFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "read";
            chatId: string;
            userId: string;
            messageId: string;
        };
        ServerPresenceFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "presence";
            userId: string;
            online: boolean;
            lastSeenAt?: string;
        };
        ServerChatUpdatedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "chat_updated";
            chatId: string;
            name?: string;
            addPolicy?: string;
            approveMembers?: boolean;
        };
        ServerMemberAddedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "member_added";
            chatId: string;
            userId: string;
            /** @enum {string} */
            role: "owner" | "admin" | "member";
            by: string;
        };
        ServerMemberRemovedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "member_removed";
            chatId: string;
            userId: string;
            by: string;
        };
        ServerMemberUpdatedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "member_updated";
            chatId: string;
            userId: string;
            /** @enum {string} */
            role: "owner" | "admin" | "member";
            by: string;
        };
        ServerErrorFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "error";
            /** @enum {string} */
            code: "validation_failed" | "malformed_json" | "unauthorized" | "invalid_credentials" | "invalid_token" | "forbidden" | "not_found" | "conflict" | "reset_token_invalid" | "sync_token_invalid" | "sync_expired" | "payload_too_large" | "unprocessable" | "rate_limited" | "internal" | "unavailable" | "edit_window_expired" | "delete_window_expired" | "method_not_allowed" | "blocked";
            message: string;
            ref?: string;
        };
        ServerChatSettingsFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "chat_settings";
            chatId: string;
            settings: {
                mutedUntil: string | null;
                archived: boolean;
                pinned: boolean;
            };
        };
        ServerResyncFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "resync";
        };
        ServerPongFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "pong";
        };
        ServerDeliveredFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delivered";
            chatId: string;
            userId: string;
            messageId: string;
        };
        ServerReactionFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "reaction";
            chatId: string;
            messageId: string;
            userId: string;
            /** @description null: the reaction was removed */
            emoji: string | null;
        };
        ServerMessageHiddenFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "message_hidden";
            chatId: string;
            messageId: string;
        };
        ServerBlockUpdatedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "block_updated";
            userId: string;
            blocked: boolean;
        };
        ServerPrivacyUpdatedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "privacy_updated";
            settings: {
                /** @enum {string} */
                lastSeen: "everyone" | "chats" | "nobody";
                readReceipts: boolean;
                /** @enum {string} */
                groupAdd: "everyone" | "nobody";
            };
        };
        ServerInvitationAddedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "invitation_added";
            invitation: {
                id: string;
                chatId: string;
                chatName: string;
                /** @description user id of who added me */
                invitedBy: string;
                expiresAt: string;
            };
        };
        ServerInvitationRemovedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "invitation_removed";
            invitationId: string;
        };
        ServerJoinRequestedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "join_requested";
            chatId: string;
            request: {
                userId: string;
                userName: string;
                displayName?: string;
                requestedAt: string;
            };
        };
        ServerJoinRequestClosedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "join_request_closed";
            chatId: string;
            /** @description who asked to join */
            userId: string;
            approved: boolean;
        };
        DeliveredRequest: {
            messageId: string;
        };
        Receipts: {
            receipts: {
                userId: string;
                deliveredAt?: string;
                readAt?: string;
            }[];
        };
        ReactionRequest: {
            emoji: string;
        };
        /** @default {} */
        CreateInviteRequest: {
            expiresInSeconds?: number;
        };
        ReportRequest: {
            userId?: string;
            chatId?: string;
            messageId?: string;
            reason: string;
            block?: boolean;
        };
        ChatSettingsRequest: {
            /** Format: date-time */
            mutedUntil?: string | null;
            archived?: boolean;
            pinned?: boolean;
        };
        RegisterDeviceRequest: {
            /** @enum {string} */
            platform: "webpush";
            subscription: {
                /** Format: uri */
                endpoint: string;
                expirationTime?: number | null;
                keys: {
                    p256dh: string;
                    auth: string;
                };
            };
        } | {
            /** @enum {string} */
            platform: "apns";
            token: string;
        } | {
            /** @enum {string} */
            platform: "fcm";
            token: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The id of this request in the server logs: the client-sent X-Request-Id when it is 8–64 of [A-Za-z0-9._-], else a new UUID */
        XRequestId: string;
        /** @description Seconds to wait before retrying */
        RetryAfter: string;
        /** @description The scheme to authenticate with: `Bearer realm="chat-x"` */
        WWWAuthenticate: string;
        /** @description The methods the path serves */
        Allow: string;
    };
    pathItems: never;
}
export type Error = components['schemas']['Error'];
export type ErrorCode = components['schemas']['ErrorCode'];
export type ClientFrame = components['schemas']['ClientFrame'];
export type ClientAuthFrame = components['schemas']['ClientAuthFrame'];
export type ClientSendFrame = components['schemas']['ClientSendFrame'];
export type ClientSyncFrame = components['schemas']['ClientSyncFrame'];
export type ClientTypingFrame = components['schemas']['ClientTypingFrame'];
export type ClientReadFrame = components['schemas']['ClientReadFrame'];
export type ClientPingFrame = components['schemas']['ClientPingFrame'];
export type ClientDeliveredFrame = components['schemas']['ClientDeliveredFrame'];
export type ClientReactFrame = components['schemas']['ClientReactFrame'];
export type SignedIn = components['schemas']['SignedIn'];
export type Me = components['schemas']['Me'];
export type SignupRequest = components['schemas']['SignupRequest'];
export type Email = components['schemas']['Email'];
export type LoginRequest = components['schemas']['LoginRequest'];
export type RefreshRequest = components['schemas']['RefreshRequest'];
export type ChangePasswordRequest = components['schemas']['ChangePasswordRequest'];
export type SessionList = components['schemas']['SessionList'];
export type Session = components['schemas']['Session'];
export type PasswordResetRequest = components['schemas']['PasswordResetRequest'];
export type PasswordResetConfirmRequest = components['schemas']['PasswordResetConfirmRequest'];
export type UpdateMeRequest = components['schemas']['UpdateMeRequest'];
export type DeleteMeRequest = components['schemas']['DeleteMeRequest'];
export type User = components['schemas']['User'];
export type Chat = components['schemas']['Chat'];
export type Member = components['schemas']['Member'];
export type Message = components['schemas']['Message'];
export type CreateChatRequest = components['schemas']['CreateChatRequest'];
export type ChatPage = components['schemas']['ChatPage'];
export type UpdateChatRequest = components['schemas']['UpdateChatRequest'];
export type AddMemberRequest = components['schemas']['AddMemberRequest'];
export type UpdateMemberRequest = components['schemas']['UpdateMemberRequest'];
export type ReadRequest = components['schemas']['ReadRequest'];
export type SendMessageRequest = components['schemas']['SendMessageRequest'];
export type MessagePage = components['schemas']['MessagePage'];
export type EditMessageRequest = components['schemas']['EditMessageRequest'];
export type SyncPage = components['schemas']['SyncPage'];
export type ServerFrame = components['schemas']['ServerFrame'];
export type ServerReadyFrame = components['schemas']['ServerReadyFrame'];
export type ServerAuthedFrame = components['schemas']['ServerAuthedFrame'];
export type ServerAckFrame = components['schemas']['ServerAckFrame'];
export type ServerMessageFrame = components['schemas']['ServerMessageFrame'];
export type ServerMessageUpdatedFrame = components['schemas']['ServerMessageUpdatedFrame'];
export type ServerMessageDeletedFrame = components['schemas']['ServerMessageDeletedFrame'];
export type ServerSyncedFrame = components['schemas']['ServerSyncedFrame'];
export type ServerTypingFrame = components['schemas']['ServerTypingFrame'];
export type ServerReadFrame = components['schemas']['ServerReadFrame'];
export type ServerPresenceFrame = components['schemas']['ServerPresenceFrame'];
export type ServerChatUpdatedFrame = components['schemas']['ServerChatUpdatedFrame'];
export type ServerMemberAddedFrame = components['schemas']['ServerMemberAddedFrame'];
export type ServerMemberRemovedFrame = components['schemas']['ServerMemberRemovedFrame'];
export type ServerMemberUpdatedFrame = components['schemas']['ServerMemberUpdatedFrame'];
export type ServerErrorFrame = components['schemas']['ServerErrorFrame'];
export type ServerChatSettingsFrame = components['schemas']['ServerChatSettingsFrame'];
export type ServerResyncFrame = components['schemas']['ServerResyncFrame'];
export type ServerPongFrame = components['schemas']['ServerPongFrame'];
export type ServerDeliveredFrame = components['schemas']['ServerDeliveredFrame'];
export type ServerReactionFrame = components['schemas']['ServerReactionFrame'];
export type ServerMessageHiddenFrame = components['schemas']['ServerMessageHiddenFrame'];
export type ServerBlockUpdatedFrame = components['schemas']['ServerBlockUpdatedFrame'];
export type ServerPrivacyUpdatedFrame = components['schemas']['ServerPrivacyUpdatedFrame'];
export type ServerInvitationAddedFrame = components['schemas']['ServerInvitationAddedFrame'];
export type ServerInvitationRemovedFrame = components['schemas']['ServerInvitationRemovedFrame'];
export type ServerJoinRequestedFrame = components['schemas']['ServerJoinRequestedFrame'];
export type ServerJoinRequestClosedFrame = components['schemas']['ServerJoinRequestClosedFrame'];
export type DeliveredRequest = components['schemas']['DeliveredRequest'];
export type Receipts = components['schemas']['Receipts'];
export type ReactionRequest = components['schemas']['ReactionRequest'];
export type CreateInviteRequest = components['schemas']['CreateInviteRequest'];
export type ReportRequest = components['schemas']['ReportRequest'];
export type ChatSettingsRequest = components['schemas']['ChatSettingsRequest'];
export type RegisterDeviceRequest = components['schemas']['RegisterDeviceRequest'];
export type HeaderXRequestId = components['headers']['XRequestId'];
export type HeaderRetryAfter = components['headers']['RetryAfter'];
export type HeaderWwwAuthenticate = components['headers']['WWWAuthenticate'];
export type HeaderAllow = components['headers']['Allow'];
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "degraded";
                        checks: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Not ready */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "unavailable";
                        checks: {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
    };
    signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupRequest"];
            };
        };
        responses: {
            /** @description Signed up */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `conflict`: The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "conflict";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    logIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `invalid_credentials`: Email or password is incorrect */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "invalid_credentials";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description New tokens */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "invalid_token";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    logOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `invalid_credentials`: Email or password is incorrect; `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "invalid_credentials" | "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sessions */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    logOutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out everywhere */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmRequest"];
            };
        };
        responses: {
            /** @description Password set */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `reset_token_invalid`: The reset link is invalid, expired or already used; request a new one; `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "reset_token_invalid" | "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Me */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    deleteMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteMeRequest"];
            };
        };
        responses: {
            /** @description Deleted; every session ended */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `invalid_credentials`: Email or password is incorrect; `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "invalid_credentials" | "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `conflict`: The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "conflict";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    exportMyData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description attachment; filename="chat-x-export.json" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        exportedAt: string;
                        profile: components["schemas"]["Me"];
                        privacy?: {
                            lastSeen: string;
                            readReceipts: boolean;
                            groupAdd: string;
                            /** @description ids of the people I blocked */
                            blocked: string[];
                        };
                        chats: {
                            id: string;
                            /** @enum {string} */
                            type: "direct" | "group";
                            name?: string;
                            role: string;
                            joinedAt: string;
                        }[];
                        messages: {
                            id: string;
                            chatId: string;
                            /** @description absent on deleted messages */
                            text?: string;
                            createdAt: string;
                            updatedAt?: string;
                            /** @enum {boolean} */
                            deleted?: true;
                            /** @description the message this one replies to, as a short preview */
                            replyTo?: {
                                id: string;
                                senderId: string;
                                /** @description the original's first 100 characters */
                                text?: string;
                                /**
                                 * @description the original was deleted: a tombstone, no text
                                 * @enum {boolean}
                                 */
                                deleted?: true;
                            };
                            /** @description user ids of mentioned members */
                            mentions?: string[];
                            /** @description emoji → ids of the members who reacted with it (one reaction per member) */
                            reactions?: {
                                [key: string]: string[];
                            };
                        }[];
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    searchUsers: {
        parameters: {
            query: {
                query: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matches (at most 20) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: components["schemas"]["User"][];
                    };
                };
            };
            /** @description `validation_failed`: The request is invalid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description `validation_failed`: The request is invalid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    listChats: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description true: archived chats are listed too */
                archived?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of chats */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatPage"];
                };
            };
            /** @description `validation_failed`: The request is invalid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    createChat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChatRequest"];
            };
        };
        responses: {
            /** @description The existing direct chat */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `blocked`: This person does not accept messages or adds from you */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "blocked";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    getChat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chat */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    updateChat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateChatRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMemberRequest"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description Invited instead: they accept adds from nobody */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitation: {
                            id: string;
                            chatId: string;
                            chatName: string;
                            /** @description user id of who added me */
                            invitedBy: string;
                            expiresAt: string;
                        };
                    };
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this; `blocked`: This person does not accept messages or adds from you */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden" | "blocked";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `conflict`: The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "conflict";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `conflict`: The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "conflict";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMemberRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `conflict`: The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "conflict";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReadRequest"];
            };
        };
        responses: {
            /** @description Where my marker is now */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lastReadId: string;
                    };
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description A message id: the page of older messages, newest first. Not with `after`. */
                before?: string;
                /** @description A message id: the page of newer messages, oldest first. Not with `before`. */
                after?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description `validation_failed`: The request is invalid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description Already stored: the original */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Stored */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this; `blocked`: This person does not accept messages or adds from you */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden" | "blocked";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    deleteMessage: {
        parameters: {
            query?: {
                for?: "me" | "everyone";
            };
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tombstone */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Hidden for me (for=me) */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `delete_window_expired`: The message is too old to delete for everyone */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "delete_window_expired";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    editMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditMessageRequest"];
            };
        };
        responses: {
            /** @description Edited */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `conflict`: The request conflicts with the current state; `edit_window_expired`: The message is too old to edit */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "conflict" | "edit_window_expired";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    sync: {
        parameters: {
            query?: {
                since?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Changes and the token to resume from */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncPage"];
                };
            };
            /** @description `sync_token_invalid`: The sync token is not valid; `validation_failed`: The request is invalid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "sync_token_invalid" | "validation_failed";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `sync_expired`: The sync token has expired; reload */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "sync_expired";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getAsyncApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The AsyncAPI document */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getDocsPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    markDelivered: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveredRequest"];
            };
        };
        responses: {
            /** @description Where my marker is now */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lastDeliveredId: string;
                    };
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    getMessageReceipts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One entry per member */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipts"];
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    setReaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReactionRequest"];
            };
        };
        responses: {
            /** @description The message with its reactions */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `conflict`: The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "conflict";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    removeReaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message with its reactions */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `conflict`: The request conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "conflict";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    listBlocks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My blocks */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        blocks: {
                            userId: string;
                            userName: string;
                            displayName?: string;
                        }[];
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    blockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Blocked */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    unblockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unblocked */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    listInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My pending invitations */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitations: {
                            id: string;
                            chatId: string;
                            chatName: string;
                            /** @description user id of who added me */
                            invitedBy: string;
                            expiresAt: string;
                        }[];
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group, now with me */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    declineInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Declined */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    listInvites: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The links */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invites: {
                            code: string;
                            url: string;
                            expiresAt?: string;
                            createdBy: string;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    createInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInviteRequest"];
            };
        };
        responses: {
            /** @description The link */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        url: string;
                        expiresAt?: string;
                    };
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    revokeInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups */
                chatId: string;
                /** @description 24 characters, base64url (144 random bits) */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    listJoinRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requests */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requests: {
                            userId: string;
                            userName: string;
                            displayName?: string;
                            requestedAt: string;
                        }[];
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    approveJoinRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups */
                chatId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Approved */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    denyJoinRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups */
                chatId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Denied */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `forbidden`: You are not allowed to do this */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "forbidden";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    previewInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 24 characters, base64url (144 random bits) */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        memberCount: number;
                        /** @description joining sends a request that an admin approves */
                        approveMembers: boolean;
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    joinByInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 24 characters, base64url (144 random bits) */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Joined (or already a member) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chat"];
                };
            };
            /** @description Asked; an admin approves or denies */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        requested: true;
                    };
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    createReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportRequest"];
            };
        };
        responses: {
            /** @description Stored */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "rate_limited";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    updateChatSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description g_<ULID> for groups, d_<hash> for direct chats */
                chatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatSettingsRequest"];
            };
        };
        responses: {
            /** @description My settings of the chat now */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description no push notifications until then (ISO-8601); null: not muted */
                        mutedUntil: string | null;
                        archived: boolean;
                        /** @description pinned chats lead the chat list */
                        pinned: boolean;
                    };
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    listDevices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My devices */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        devices: {
                            id: string;
                            /** @enum {string} */
                            platform: "webpush" | "apns" | "fcm";
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    registerDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDeviceRequest"];
            };
        };
        responses: {
            /** @description Already registered: the same device */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        platform: "webpush" | "apns" | "fcm";
                        createdAt: string;
                    };
                };
            };
            /** @description Registered */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        platform: "webpush" | "apns" | "fcm";
                        createdAt: string;
                    };
                };
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `unprocessable`: The request cannot be applied */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unprocessable";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    removeDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `validation_failed`: The request is invalid; `malformed_json`: The request body is not valid JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "validation_failed" | "malformed_json";
                        };
                    };
                };
            };
            /** @description `unauthorized`: Authentication is required; `invalid_token`: The token is invalid or expired */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unauthorized" | "invalid_token";
                        };
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The request body is too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "payload_too_large";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
    getVapidKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description base64url, 65-byte uncompressed P-256 point: applicationServerKey */
                        publicKey: string;
                    };
                };
            };
            /** @description `not_found`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "not_found";
                        };
                    };
                };
            };
            /** @description `internal`: Internal server error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "internal";
                        };
                    };
                };
            };
            /** @description `unavailable`: The service is temporarily unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "unavailable";
                        };
                    };
                };
            };
        };
    };
}
