export { tearDown as default } from './postgres-server.mjs';
