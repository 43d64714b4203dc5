import { existsSync, readFileSync } from 'node:fs';

/** The reset link in the latest mail to `to` in a MAIL_SINK=file sink; waits up to 5 s for it. */
export async function resetLinkFor(file: string, to: string): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const mails = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { to: string; text: string })
          .filter((m) => m.to === to)
      : [];
    const link = mails.at(-1)?.text.match(/https?:\/\/\S+\/reset\?token=\S+/)?.[0];
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no reset mail to ${to}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';
