import { appendFile } from 'node:fs/promises';
import type { Logger } from '../lib/logger.js';
import type { Mail, Mailer } from './mailer.js';

// Local sinks for dev and test: mail is never sent, only shown (log) or kept (file).

/** Logs each mail (reset links included): dev only, never wired in staging or production. */
export class LogMailer implements Mailer {
  constructor(private readonly logger: Logger) {}

  async send(mail: Mail): Promise<void> {
    this.logger.info({ mail }, 'mail (not sent: MAIL_SINK=log)');
  }
}

/** Appends each mail to a file as one JSON line, so tests can read what was sent. */
export class FileMailer implements Mailer {
  constructor(private readonly path: string) {}

  async send(mail: Mail): Promise<void> {
    await appendFile(this.path, `${JSON.stringify(mail)}\n`);
  }
}
