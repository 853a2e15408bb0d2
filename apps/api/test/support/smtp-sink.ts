import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the sink received: envelope recipients, headers and the decoded text. */
export type SunkMail = { to: string[]; subject: string; text: string; raw: string };

/**
 * A local SMTP server (the `smtp-server` package) that keeps every message, so tests read what
 * Bearing sent instead of mocking the mailer. `failNext(code)` answers the next messages' DATA
 * with that SMTP code (e.g. 451 for a temporary failure).
 */
export type SmtpSink = {
  url: string;
  messages: SunkMail[];
  failWith(code: number | undefined): void;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMail[] = [];
  let failure: number | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failure !== undefined) {
          const error = Object.assign(new Error('Try again later'), { responseCode: failure });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          to: session.envelope.rcptTo.map(({ address }) => address),
          subject: decodeHeader(/^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(raw)?.[1] ?? ''),
          text: textPart(raw),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failWith(code) {
      failure = code;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The text/plain part, quoted-printable decoded. */
function textPart(raw: string): string {
  const match =
    /Content-Type: text\/plain[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)(?:\r\n--|$)/i.exec(raw);
  const body = match?.[1] ?? raw;
  const quotedPrintable =
    /Content-Type: text\/plain[^]*?Content-Transfer-Encoding: quoted-printable/i.test(raw);
  return quotedPrintable ? decodeQuotedPrintable(body) : body;
}

function decodeQuotedPrintable(text: string): string {
  return Buffer.from(
    text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** `=?UTF-8?Q?…?=` / `=?UTF-8?B?…?=` encoded words, unfolded. */
function decodeHeader(value: string): string {
  return value
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s?/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )
    .trim();
}
