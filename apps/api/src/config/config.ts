import path from 'node:path';
import { z } from 'zod';

/**
 * Bearing's whole configuration, read once from the environment at start. Every variable is
 * validated here so that a bad value stops the process with one line that names it.
 */
export type AppConfig = {
  port: number;
  /** `postgres://…` when an external database is configured; `undefined` → embedded Postgres. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Seed the demo workspace; defaults to on with the embedded database, off otherwise. */
  demo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** What this process does: `web` serves HTTP, `worker` runs jobs, `all` (default) both. */
  role: ProcessRole;
  /** The address users reach Bearing at, without a trailing slash: links in messages use it. */
  publicUrl: string;
  /**
   * The 32-byte key secrets at rest are sealed with (`BEARING_SECRET_KEY`); `undefined` → a key
   * file in the data directory, allowed only for a single embedded-database process.
   */
  secretKey: Buffer | undefined;
  /**
   * Which proxies' `X-Forwarded-For` to believe (Express's `trust proxy`): `loopback` by
   * default; a reverse proxy on a private network (Docker Compose) needs `uniquelocal`, or
   * rate limits would count every user as the proxy's one address.
   */
  trustProxy: string[];
};

export const PROCESS_ROLES = ['all', 'web', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(value), {
    message: 'must be one of 1, 0, true, false, yes, no, on, off',
  })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const environmentSchema = z.object({
  PORT: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number from 1 to 65535')
    .transform(Number)
    .refine((port) => port >= 1 && port <= 65535, 'must be a whole number from 1 to 65535')
    .default(3000),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => {
      try {
        return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  BEARING_DATA_DIR: z.string().trim().min(1, 'must not be empty').default('.bearing'),
  BEARING_ADMIN_EMAIL: z.email('must be an email address').optional(),
  BEARING_ADMIN_PASSWORD: z
    .string()
    .min(12, 'must be at least 12 characters')
    .max(256, 'must be at most 256 characters')
    .optional(),
  BEARING_DEMO: booleanFlag.optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  BEARING_PUBLIC_URL: z
    .string()
    .trim()
    .refine((value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, 'must be an http:// or https:// address, e.g. https://bearing.example.com')
    .optional(),
  BEARING_SECRET_KEY: z
    .string()
    .trim()
    .transform((value) => decodeSecretKey(value))
    .refine((key) => key !== undefined, {
      message:
        'must be 32 random bytes as 64 hex digits or 44 base64 characters (openssl rand -base64 32)',
    })
    .optional(),
  BEARING_TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^[\w.:/-]+(\s*,\s*[\w.:/-]+)*$/,
      'must be a comma-separated list of loopback, linklocal, uniquelocal or addresses/CIDRs',
    )
    .default('loopback'),
  BEARING_ROLE: z.enum(PROCESS_ROLES, { error: 'must be one of all, web, worker' }).default('all'),
});

/** Empty strings count as unset, as they do in most shells' `VAR= command`. */
function withoutEmpty(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/**
 * Validates the environment and returns typed configuration; throws `ConfigError` naming the
 * first bad variable. Secrets are never echoed back in the message.
 */
export function loadConfig(
  environment: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): AppConfig {
  const parsed = environmentSchema.safeParse(withoutEmpty(environment));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const secret = ['BEARING_ADMIN_PASSWORD', 'DATABASE_URL', 'BEARING_SECRET_KEY'].includes(
      variable,
    );
    const received = secret ? '' : ` (got "${String(environment[variable])}")`;
    throw new ConfigError(variable, `${issue?.message ?? 'is invalid'}${received}`);
  }
  const env = parsed.data;
  if (env.BEARING_ROLE !== 'all' && env.DATABASE_URL === undefined) {
    // Processes of different roles must share one database; each would start its own embedded one.
    throw new ConfigError(
      'BEARING_ROLE',
      `${env.BEARING_ROLE} processes share one PostgreSQL with the others: set DATABASE_URL`,
    );
  }
  return {
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(cwd, env.BEARING_DATA_DIR),
    adminEmail: env.BEARING_ADMIN_EMAIL,
    adminPassword: env.BEARING_ADMIN_PASSWORD,
    demo: env.BEARING_DEMO ?? env.DATABASE_URL === undefined,
    logLevel: env.LOG_LEVEL,
    role: env.BEARING_ROLE,
    publicUrl: (env.BEARING_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    secretKey: env.BEARING_SECRET_KEY,
    trustProxy: env.BEARING_TRUST_PROXY.split(',').map((entry) => entry.trim()),
  };
}

/** A 32-byte key written as 64 hex digits or as base64 (44 characters); else `undefined`. */
function decodeSecretKey(text: string): Buffer | undefined {
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(text)
      ? Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
      : undefined;
  return key?.length === 32 ? key : undefined;
}
