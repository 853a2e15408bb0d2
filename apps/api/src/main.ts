import 'reflect-metadata';

// Loading Nest takes a moment; a Ctrl-C before the server has taken over signal handling has
// nothing to clean up yet, so it simply ends the process successfully.
const exitQuietly = () => process.exit(0);
process.once('SIGINT', exitQuietly);
process.once('SIGTERM', exitQuietly);

const { runServer } = await import('./server.js');
// runServer installs its own handlers synchronously, before its first await: only then are the
// early ones removed, so no signal falls into a gap with no handler (Node 24 drops it there).
const running = runServer();
process.off('SIGINT', exitQuietly);
process.off('SIGTERM', exitQuietly);
await running;
