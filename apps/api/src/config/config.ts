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
  /** Single sign-on through an OpenID provider; absent when `BEARING_OIDC_ISSUER` is unset. */
  oidc?: OidcConfig;
  /** `BEARING_PASSWORD_LOGIN`: off leaves single sign-on as the only way in; absent → on. */
  passwordLogin?: boolean;
  /**
   * Which proxies' `X-Forwarded-For` to believe (Express's `trust proxy`): `loopback` by
   * default; a reverse proxy on a private network (Docker Compose) needs `uniquelocal`, or
   * rate limits would count every user as the proxy's one address.
   */
  trustProxy: string[];
  /**
   * `BEARING_REQUIRE_MFA`: `admins` → an instance admin without a second factor must enrol one
   * before any other route answers; `off` (default) → MFA is each user's choice.
   */
  requireMfa: MfaRequirement;
  /**
   * `BEARING_SMTP_URL` (e.g. `smtps://user:password@mail.example.com:465`): email goes out through
   * it; absent → email is off. It may hold a password, so it is never logged or echoed.
   */
  smtpUrl?: string | undefined;
  /** `BEARING_MAIL_FROM`: the sender of Bearing's email (default `Bearing <bearing@localhost>`). */
  mailFrom?: string;
  /** `BEARING_WEBHOOK_ALLOW_LOOPBACK=1`: webhooks may point at loopback addresses (tests only). */
  webhookAllowLoopback?: boolean;
};

export const MFA_REQUIREMENTS = ['off', 'admins'] as const;
export type MfaRequirement = (typeof MFA_REQUIREMENTS)[number];

/**
 * OpenID Connect single sign-on (`BEARING_OIDC_*`). The client secret comes only from the
 * environment and is never echoed in an error.
 */
export type OidcConfig = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Email domains allowed to sign in (lower case); empty → any domain the provider vouches for. */
  allowedDomains: string[];
  /** The ID-token claim listing the person's groups (default `groups`). */
  roleClaim: string;
  /** `{"<group>": {"<workspace-slug>": "viewer|editor|admin"}}`: groups grant workspace roles. */
  roleMap: Record<string, Record<string, 'viewer' | 'editor' | 'admin'>>;
  /** Members of this group become instance admins. */
  adminGroup: string | undefined;
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

/** Loopback hosts, where an http issuer is allowed (tests and local trials). */
const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

const roleMapSchema = z.record(
  z.string().min(1, 'group names must not be empty'),
  z
    .record(
      z.string(),
      z.enum(['viewer', 'editor', 'admin'], { error: 'roles are viewer, editor or admin' }),
    )
    .refine(
      (roles) => Object.keys(roles).every((slug) => /^[a-z0-9][a-z0-9-]*$/.test(slug)),
      'workspace slugs are lower-case letters, digits and -',
    ),
);

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
  BEARING_REQUIRE_MFA: z
    .enum(MFA_REQUIREMENTS, { error: 'must be one of off, admins' })
    .default('off'),
  BEARING_OIDC_ISSUER: z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return (
          url.protocol === 'https:' ||
          (url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname))
        );
      } catch {
        return false;
      }
    }, 'must be an https:// issuer URL (http:// only on localhost, for tests and local trials)')
    .transform((value) => new URL(value))
    .optional(),
  BEARING_OIDC_CLIENT_ID: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  BEARING_OIDC_CLIENT_SECRET: z.string().max(2000, 'must be at most 2000 characters').optional(),
  BEARING_OIDC_ALLOWED_DOMAINS: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9-]+(\.[a-z0-9-]+)+(\s*,\s*[a-z0-9-]+(\.[a-z0-9-]+)+)*$/,
      'must be a comma-separated list of email domains, e.g. example.com,example.org',
    )
    .transform((value) => value.split(',').map((domain) => domain.trim()))
    .optional(),
  BEARING_OIDC_ROLE_CLAIM: z
    .string()
    .trim()
    .regex(/^[\w:./-]{1,200}$/, 'must be the name of an ID-token claim, e.g. groups')
    .default('groups'),
  BEARING_OIDC_ROLE_MAP: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({
          code: 'custom',
          message: 'must be JSON: {"<group>": {"<workspace-slug>": "viewer|editor|admin"}}',
        });
        return z.NEVER;
      }
    })
    .pipe(roleMapSchema)
    .optional(),
  BEARING_OIDC_ADMIN_GROUP: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  BEARING_PASSWORD_LOGIN: booleanFlag.optional(),
  BEARING_SMTP_URL: z
    .string()
    .trim()
    .refine((value) => {
      try {
        return ['smtp:', 'smtps:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, 'must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com:465')
    .optional(),
  BEARING_MAIL_FROM: z.string().trim().max(300, 'must be at most 300 characters').optional(),
  BEARING_WEBHOOK_ALLOW_LOOPBACK: booleanFlag.optional(),
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
    const secret = [
      'BEARING_ADMIN_PASSWORD',
      'DATABASE_URL',
      'BEARING_SECRET_KEY',
      'BEARING_OIDC_CLIENT_SECRET',
      'BEARING_SMTP_URL',
    ].includes(variable);
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
  const oidc = oidcConfig(env);
  if (env.BEARING_PASSWORD_LOGIN === false && oidc === undefined) {
    throw new ConfigError(
      'BEARING_PASSWORD_LOGIN',
      'can be off only when single sign-on is configured (BEARING_OIDC_ISSUER), or nobody could sign in',
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
    requireMfa: env.BEARING_REQUIRE_MFA,
    oidc,
    passwordLogin: env.BEARING_PASSWORD_LOGIN ?? true,
    smtpUrl: env.BEARING_SMTP_URL,
    mailFrom: env.BEARING_MAIL_FROM ?? 'Bearing <bearing@localhost>',
    webhookAllowLoopback: env.BEARING_WEBHOOK_ALLOW_LOOPBACK ?? false,
  };
}

/**
 * Single sign-on's settings when `BEARING_OIDC_ISSUER` is set (then the client id and secret must
 * be too); any other `BEARING_OIDC_*` without an issuer is a mistake worth stopping for.
 */
function oidcConfig(env: z.infer<typeof environmentSchema>): OidcConfig | undefined {
  if (env.BEARING_OIDC_ISSUER === undefined) {
    const stray = (
      [
        'BEARING_OIDC_CLIENT_ID',
        'BEARING_OIDC_CLIENT_SECRET',
        'BEARING_OIDC_ALLOWED_DOMAINS',
        'BEARING_OIDC_ROLE_MAP',
        'BEARING_OIDC_ADMIN_GROUP',
      ] as const
    ).find((variable) => env[variable] !== undefined);
    if (stray) throw new ConfigError('BEARING_OIDC_ISSUER', `is required when ${stray} is set`);
    return undefined;
  }
  if (env.BEARING_OIDC_CLIENT_ID === undefined) {
    throw new ConfigError('BEARING_OIDC_CLIENT_ID', 'is required with BEARING_OIDC_ISSUER');
  }
  if (env.BEARING_OIDC_CLIENT_SECRET === undefined) {
    throw new ConfigError('BEARING_OIDC_CLIENT_SECRET', 'is required with BEARING_OIDC_ISSUER');
  }
  return {
    issuer: env.BEARING_OIDC_ISSUER,
    clientId: env.BEARING_OIDC_CLIENT_ID,
    clientSecret: env.BEARING_OIDC_CLIENT_SECRET,
    allowedDomains: env.BEARING_OIDC_ALLOWED_DOMAINS ?? [],
    roleClaim: env.BEARING_OIDC_ROLE_CLAIM,
    roleMap: env.BEARING_OIDC_ROLE_MAP ?? {},
    adminGroup: env.BEARING_OIDC_ADMIN_GROUP,
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
