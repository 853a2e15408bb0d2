import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';

/**
 * How long a keep-alive connection must have been idle before a draining server closes it. A
 * client that has just received a response may be writing its next request on the same
 * connection; closing it at that moment would reset that request. Such a client sends within
 * milliseconds and gets its answer with `Connection: close` instead.
 */
const IDLE_GRACE_MS = 500;
const POLL_MS = 50;

export type DrainOutcome = {
  /** Connections still busy at the deadline, closed with their requests unanswered. */
  cutOff: number;
};

export type HttpDrain = {
  /**
   * Stops accepting connections, lets in-flight requests finish (their responses and any later
   * one on a kept-alive connection carry `Connection: close`), closes keep-alive connections
   * once idle, and after `deadlineMs` closes whatever is left. Settles when no connection is
   * open any more.
   */
  drain(deadlineMs: number): Promise<DrainOutcome>;
};

type ConnectionState = { busy: number; idleSince: number };

/**
 * Watches `server`'s connections so it can be drained on shutdown. Call before it listens.
 *
 * `server.close()` alone is not enough: it stops accepting, but since Node 19 it also closes
 * idle keep-alive connections at once — racing a client that is reusing one — and it leaves
 * busy ones open for as long as their clients keep them alive.
 */
export function drainable(server: Server): HttpDrain {
  const connections = new Map<Socket, ConnectionState>();
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { busy: 0, idleSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });
  // Before Express sees the request, so the header is there whatever the route does.
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = connections.get(request.socket);
    if (state) state.busy += 1;
    inFlight.add(response);
    if (draining) response.setHeader('Connection', 'close');
    response.once('close', () => {
      inFlight.delete(response);
      if (!state) return;
      state.busy -= 1;
      state.idleSince = Date.now();
    });
  });

  return {
    async drain(deadlineMs) {
      const deadline = Date.now() + deadlineMs;
      // net.Server's close: stop listening, without http.Server's immediate idle-socket sweep.
      net.Server.prototype.close.call(server);
      draining = true;
      for (const response of inFlight) {
        if (!response.headersSent) response.setHeader('Connection', 'close');
      }
      while (connections.size > 0 && Date.now() < deadline) {
        const now = Date.now();
        for (const [socket, state] of connections) {
          if (state.busy === 0 && now - state.idleSince >= IDLE_GRACE_MS) socket.destroy();
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      const cutOff = connections.size;
      if (cutOff > 0) server.closeAllConnections();
      return { cutOff };
    },
  };
}
