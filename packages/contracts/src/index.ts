export * from './problem.js';
export * from './health.js';
export * from './pagination.js';
export * from './workspaces.js';
export * from './auth.js';
export * from './members.js';
export * from './tokens.js';
export * from './audit.js';
