import express, { type RequestHandler } from 'express';

/**
 * Points uploads (CSV files from warehouses, long JSON arrays from CI jobs) may be far larger
 * than the 1 MB every other route accepts, so these routes get their own parsers with their own
 * limit. They are mounted before the global JSON parser, which then finds the body read and
 * leaves it; no other route's limit changes.
 */
export const POINTS_UPLOAD_LIMIT = '20mb';

/** Express paths of the routes that take points (under the global `/api` prefix). */
export const POINTS_UPLOAD_PATHS = [
  '/api/workspaces/:workspace/metrics/:key/points',
  '/api/workspaces/:workspace/metric-points',
];

export function pointsUploadBodyParsers(): RequestHandler[] {
  return [
    express.json({ limit: POINTS_UPLOAD_LIMIT, type: ['application/json', 'application/*+json'] }),
    express.text({ limit: POINTS_UPLOAD_LIMIT, type: 'text/csv' }),
  ];
}
