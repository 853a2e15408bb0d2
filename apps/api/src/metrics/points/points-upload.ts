import { createParamDecorator, type ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { PROBLEM_TYPE_BASE, ProblemException } from '../../common/problem/problem.js';

/** A points upload as it arrived: CSV text, or a parsed JSON body still to be validated. */
export type PointsUpload = { format: 'csv'; text: string } | { format: 'json'; body: unknown };

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * `@PointsUploadBody() upload: PointsUpload` — the body of a points route, which takes JSON or
 * `text/csv` (read by the route's own body parsers, see points-body-parser.ts). Any other media
 * type is a 415.
 */
export const PointsUploadBody = createParamDecorator(
  (_: unknown, context: ExecutionContext): PointsUpload => {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.is('text/csv')) {
      return { format: 'csv', text: typeof request.body === 'string' ? request.body : '' };
    }
    if (request.is(JSON_TYPES)) return { format: 'json', body: request.body as unknown };
    throw new ProblemException({
      type: `${PROBLEM_TYPE_BASE}unsupported-media-type`,
      title: 'Unsupported Media Type',
      status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      detail: 'Send the points as application/json or as text/csv.',
    });
  },
);
