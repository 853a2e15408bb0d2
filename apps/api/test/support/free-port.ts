import net from 'node:net';

// Ports below Linux's default ephemeral range (32768–60999): the operating system never hands
// one of these to an outgoing connection or to a `listen(0)`, so a port found free here stays
// free while a test's process starts (a demo seeding takes 20 s). A port from `listen(0)`, as
// the embedded database's `findFreePort` gives, was once taken meanwhile by one of the many
// connections other test files open.
const LOWEST = 20_000;
const HIGHEST = 32_767;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A free port for a test to start Bearing (or its database) on. */
export async function findFreePort(): Promise<number> {
  for (;;) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST + 1));
    if (await isFree(port)) return port;
  }
}
