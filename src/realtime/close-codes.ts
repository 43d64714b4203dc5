// WebSocket close codes used by the hub, in one place (docs/protocol.md lists them).
export const CloseCode = {
  Normal: 1000,
  /** The server is shutting down for good (or the page went away). */
  GoingAway: 1001,
  /** Repeated invalid frames, or too many frames while authenticating. */
  PolicyViolation: 1008,
  /** Frame over maxPayload (sent by ws itself). */
  MessageTooBig: 1009,
  InternalError: 1011,
  /** Deploy or scale-in: reconnect (to another instance) and sync. */
  ServiceRestart: 1012,
  /** The client did not keep up with its frames: reconnect and sync. */
  TryAgainLater: 1013,
  /** Missing, invalid or expired token, or no auth frame within 5 s. */
  Unauthorized: 4401,
  /** Too many connections for this user. */
  TooManyConnections: 4429,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
