import 'reflect-metadata';

// Loading Nest takes a moment; a Ctrl-C before the server has taken over signal handling has
// nothing to clean up yet, so it simply ends the process successfully.
const exitQuietly = () => process.exit(0);
process.once('SIGINT', exitQuietly);
process.once('SIGTERM', exitQuietly);

const { runServer } = await import('./server.js');
process.off('SIGINT', exitQuietly);
process.off('SIGTERM', exitQuietly);
await runServer();
