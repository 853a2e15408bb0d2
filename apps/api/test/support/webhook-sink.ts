import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SunkRequest = { path: string; body: unknown };

/**
 * A local webhook receiver (node http) standing in for Slack and Teams: it keeps every JSON
 * body it is sent and answers each path with the status a test chose (200 by default).
 */
export type WebhookSink = {
  /** `http://127.0.0.1:<port>` — admitted only with BEARING_WEBHOOK_ALLOW_LOOPBACK. */
  origin: string;
  requests: SunkRequest[];
  answer(path: string, status: number): void;
  /** Keeps the next request to `path` waiting for its answer until `release()` (a send in flight). */
  holdNext(path: string): { release(): void };
  /** Answers every request to `path` only after `ms` (a slow or overloaded receiver). */
  delay(path: string, ms: number): void;
  close(): Promise<void>;
};

export async function startWebhookSink(): Promise<WebhookSink> {
  const requests: SunkRequest[] = [];
  const statuses = new Map<string, number>();
  const held = new Map<string, Promise<void>>();
  const delays = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({ path, body: text ? (JSON.parse(text) as unknown) : null });
      const waiting = held.get(path);
      held.delete(path);
      void (waiting ?? Promise.resolve())
        .then(() => new Promise((resolve) => setTimeout(resolve, delays.get(path) ?? 0)))
        .then(() => {
          response.statusCode = statuses.get(path) ?? 200;
          response.end('ok');
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    answer(path, status) {
      statuses.set(path, status);
    },
    delay(path, ms) {
      delays.set(path, ms);
    },
    holdNext(path) {
      let release = () => {};
      held.set(
        path,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return { release: () => release() };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
