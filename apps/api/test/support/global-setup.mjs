export { setUp as default } from './postgres-server.mjs';
