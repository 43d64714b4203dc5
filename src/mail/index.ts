import type { Config } from '../config.js';
import type { Logger } from '../lib/logger.js';
import type { Mailer } from './mailer.js';
import { SesMailer } from './ses.js';
import { FileMailer, LogMailer } from './sink.js';

export type { Mail, Mailer } from './mailer.js';

/** SES when the config says so (always in staging and production), else the configured local sink. */
export function createMailer(config: Config, logger: Logger): Mailer {
  const { mail } = config;
  if (mail.transport === 'ses')
    return new SesMailer({ region: config.awsRegion, from: mail.from, endpoint: mail.sesEndpoint });
  if (mail.transport === 'file') return new FileMailer(mail.sinkFile);
  return new LogMailer(logger);
}
