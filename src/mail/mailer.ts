/** One plain-text mail to one recipient. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; failures propagate (a lost reset mail must show up in the logs, not vanish). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}
