import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../../config/config.js';
import { redactRequestSecrets } from './redact-secret-paths.js';

const REQUEST_ID_PATTERN = /^[\w.-]{1,100}$/;

/**
 * Request id: a caller's well-formed `X-Request-Id` is kept (so a proxy's id threads through),
 * otherwise a new UUID. It is echoed back and appears in every log line and problem body.
 */
export function requestIdFor(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * JSON logs (one object a line) for machines; pino-pretty's readable lines when a person is
 * watching a terminal. Authorization headers, cookies and webhook secrets are never logged.
 */
export function loggingModule(config: Pick<AppConfig, 'logLevel'>) {
  const pretty = process.stdout.isTTY === true;
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      genReqId: requestIdFor,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        remove: true,
      },
      // A webhook's address holds its secret (see redact-secret-paths.ts).
      serializers: { req: redactRequestSecrets },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500
          ? 'error'
          : response.statusCode >= 400
            ? 'warn'
            : 'info',
      autoLogging: { ignore: (request) => request.url === '/api/health' },
      ...(pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' },
            },
          }
        : {}),
    },
  });
}
