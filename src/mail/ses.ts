import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mail, Mailer } from './mailer.js';

/** Amazon SES (v2 API): staging and production. */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;
  private readonly from: string;

  constructor(opts: { region: string; from: string; endpoint?: string | undefined }) {
    this.client = new SESv2Client({
      region: opts.region,
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    });
    this.from = opts.from;
  }

  async send(mail: Mail): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  }
}
