import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { PROBLEM_TYPE_BASE, ProblemException } from '../../common/problem/problem.js';

/**
 * Largest points upload (CSV files from warehouses, long JSON arrays from CI jobs). Only these
 * routes take more than the 1 MB of JSON every other route accepts.
 */
export const POINTS_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** Express paths of the routes that take points (under the global `/api` prefix). */
export const POINTS_UPLOAD_PATHS = [
  '/api/workspaces/:workspace/metrics/:key/points',
  '/api/workspaces/:workspace/metric-points',
];

const JSON_TYPES = ['application/json', 'application/*+json'];

/** A points upload as the route stored it: a private temporary file, removed after the response. */
export type StoredPointsUpload = { format: 'csv' | 'json'; path: string };

const stored = new WeakMap<Request, StoredPointsUpload>();

/** The upload `pointsUploadBodyParsers` stored for `request`; none for other media types. */
export function storedPointsUpload(request: Request): StoredPointsUpload | undefined {
  return stored.get(request);
}

/**
 * The body "parser" of the points routes: it streams a CSV or JSON body to a temporary file, as
 * it arrives, and parses nothing — the service has a worker thread read the file, so a big or
 * hostile upload never holds the HTTP thread nor sits in memory as one string. Mounted before
 * the global JSON parser, which then finds the body read and leaves it; no other route's limit
 * changes. Beyond `POINTS_UPLOAD_MAX_BYTES` the rest of the body is read and dropped, and the
 * answer is a 413.
 */
export function pointsUploadBodyParsers(): RequestHandler[] {
  return [storePointsUpload];
}

function storePointsUpload(request: Request, response: Response, next: NextFunction): void {
  const format = request.is('text/csv') ? 'csv' : request.is(JSON_TYPES) ? 'json' : undefined;
  if (request.method !== 'POST' || !format) {
    next();
    return;
  }
  const file = path.join(tmpdir(), `bearing-points-${randomUUID()}`);
  const output = createWriteStream(file, { mode: 0o600 });
  response.once('close', () => void rm(file, { force: true }));
  let size = Number(request.headers['content-length'] ?? 0);
  let done = false;
  const finish = (error?: unknown) => {
    if (done) return;
    done = true;
    if (error) {
      output.destroy();
      request.resume();
      next(error);
      return;
    }
    stored.set(request, { format, path: file });
    next();
  };
  // Declared too large: nothing is written, the body is only read off.
  if (size <= POINTS_UPLOAD_MAX_BYTES) size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > POINTS_UPLOAD_MAX_BYTES) return;
    if (!output.write(chunk)) {
      request.pause();
      output.once('drain', () => request.resume());
    }
  });
  request.once('end', () => {
    if (size > POINTS_UPLOAD_MAX_BYTES) {
      finish(tooLarge());
      return;
    }
    output.end(() => finish());
  });
  // A client that goes away mid-upload: close the file (the response's close removes it).
  request.once('close', () => {
    if (!request.complete) output.destroy();
  });
  output.once('error', (error) => finish(error));
}

function tooLarge(): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_TYPE_BASE}upload-too-large`,
    title: 'Content Too Large',
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    detail: `The upload is larger than ${POINTS_UPLOAD_MAX_BYTES / 1024 / 1024} MB, the most one points upload may be: send the points in several uploads.`,
  });
}
