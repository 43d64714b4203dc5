/** Sessions that ended (logout, theft detected): every instance closes their sockets at once. */
export interface SessionsEnded {
  type: 'sessions_ended';
  userId: string;
  sessionIds: string[];
}
