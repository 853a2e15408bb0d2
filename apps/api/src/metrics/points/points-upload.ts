import { createParamDecorator, type ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { PROBLEM_TYPE_BASE, ProblemException } from '../../common/problem/problem.js';
import { type StoredPointsUpload, storedPointsUpload } from './points-body-parser.js';

/** A points upload as it arrived: CSV or JSON, in a temporary file still to be read. */
export type PointsUpload = StoredPointsUpload;

/**
 * `@PointsUploadBody() upload: PointsUpload` — the body of a points route, which takes JSON or
 * `text/csv` (stored to a file by the route's own body parser, see points-body-parser.ts). Any
 * other media type is a 415.
 */
export const PointsUploadBody = createParamDecorator(
  (_: unknown, context: ExecutionContext): PointsUpload => {
    const upload = storedPointsUpload(context.switchToHttp().getRequest<Request>());
    if (upload) return upload;
    throw new ProblemException({
      type: `${PROBLEM_TYPE_BASE}unsupported-media-type`,
      title: 'Unsupported Media Type',
      status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      detail: 'Send the points as application/json or as text/csv.',
    });
  },
);
