import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MailError, Mailer } from './mailer.service.js';

/**
 * A stuck SMTP server fails a send instead of holding it: it greets and takes the sender, then
 * never answers the recipient. The send must give up as a transient failure (to be retried),
 * not wait for nodemailer's default ten minutes of silence.
 */
describe('the mailer against a stuck SMTP server', () => {
  let server: Server;
  const sockets = new Set<Socket>();
  let port: number;

  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      socket.write('220 stuck.test ESMTP\r\n');
      socket.on('data', (data: Buffer) => {
        const command = data.toString('latin1').trim().toUpperCase();
        if (command.startsWith('EHLO')) socket.write('250 stuck.test\r\n');
        else if (command.startsWith('MAIL FROM')) socket.write('250 OK\r\n');
        // RCPT TO and anything after it: silence.
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    server.close();
    await once(server, 'close');
  });

  it('gives up on a server that stops answering, as a transient failure', async () => {
    const mailer = new Mailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: 'Bearing <bearing@example.com>',
      timeoutMs: 500,
    });
    try {
      const sent = mailer.send({ to: 'ana@example.com', subject: 'Hello', text: 'Hello' });
      await expect(sent).rejects.toBeInstanceOf(MailError);
      await expect(sent).rejects.toMatchObject({ transient: true });
    } finally {
      mailer.onModuleDestroy();
    }
  });
});
