import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../config/config.js';
import { groupsOf, workspaceRolesOf } from './role-map.js';

const SSO = {
  BEARING_OIDC_ISSUER: 'https://login.example.com/realms/acme',
  BEARING_OIDC_CLIENT_ID: 'bearing',
  BEARING_OIDC_CLIENT_SECRET: 'the-client-secret',
};

function refusal(environment: Record<string, string>): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('single sign-on configuration', () => {
  it('is off without an issuer, and password sign-in on', () => {
    const config = loadConfig({});
    expect(config.oidc).toBeUndefined();
    expect(config.passwordLogin).toBe(true);
  });

  it('reads issuer, client, domains, role claim, role map and admin group', () => {
    const config = loadConfig({
      ...SSO,
      BEARING_OIDC_ALLOWED_DOMAINS: 'Example.com, example.org',
      BEARING_OIDC_ROLE_CLAIM: 'roles',
      BEARING_OIDC_ROLE_MAP: '{"eng": {"acme": "editor"}, "leads": {"acme": "admin"}}',
      BEARING_OIDC_ADMIN_GROUP: 'bearing-admins',
      BEARING_PASSWORD_LOGIN: 'off',
    });
    expect(config.oidc).toEqual({
      issuer: new URL(SSO.BEARING_OIDC_ISSUER),
      clientId: 'bearing',
      clientSecret: 'the-client-secret',
      allowedDomains: ['example.com', 'example.org'],
      roleClaim: 'roles',
      roleMap: { eng: { acme: 'editor' }, leads: { acme: 'admin' } },
      adminGroup: 'bearing-admins',
    });
    expect(config.passwordLogin).toBe(false);
  });

  it('accepts an http issuer only on a loopback host', () => {
    expect(loadConfig({ ...SSO, BEARING_OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc).toBeDefined();
    expect(loadConfig({ ...SSO, BEARING_OIDC_ISSUER: 'http://localhost:9000' }).oidc).toBeDefined();
    expect(refusal({ ...SSO, BEARING_OIDC_ISSUER: 'http://idp.example.com' }).message).toMatch(
      /^BEARING_OIDC_ISSUER: must be an https:\/\/ issuer URL/,
    );
  });

  it.each([
    [{ BEARING_OIDC_ROLE_MAP: 'not json' }, 'BEARING_OIDC_ROLE_MAP', /must be JSON/],
    [
      { BEARING_OIDC_ROLE_MAP: '{"eng": {"acme": "owner"}}' },
      'BEARING_OIDC_ROLE_MAP',
      /viewer, editor or admin/,
    ],
    [
      { BEARING_OIDC_ROLE_MAP: '{"eng": {"Not A Slug": "viewer"}}' },
      'BEARING_OIDC_ROLE_MAP',
      /slugs/,
    ],
    [{ BEARING_OIDC_ROLE_MAP: '["eng"]' }, 'BEARING_OIDC_ROLE_MAP', /BEARING_OIDC_ROLE_MAP/],
    [
      { BEARING_OIDC_ALLOWED_DOMAINS: '@example.com' },
      'BEARING_OIDC_ALLOWED_DOMAINS',
      /email domains/,
    ],
    [{ BEARING_OIDC_CLIENT_ID: '' }, 'BEARING_OIDC_CLIENT_ID', /is required/],
    [{ BEARING_OIDC_CLIENT_SECRET: '' }, 'BEARING_OIDC_CLIENT_SECRET', /is required/],
  ])('refuses %j naming the variable', (change, variable, message) => {
    const error = refusal({ ...SSO, ...change });
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
  });

  it('never echoes the client secret', () => {
    const error = refusal({ ...SSO, BEARING_OIDC_CLIENT_SECRET: 'x'.repeat(2001) });
    expect(error.variable).toBe('BEARING_OIDC_CLIENT_SECRET');
    expect(error.message).not.toContain('xxxx');
  });

  it('refuses SSO settings without an issuer, and password sign-in off without SSO', () => {
    expect(refusal({ BEARING_OIDC_CLIENT_ID: 'bearing' }).message).toBe(
      'BEARING_OIDC_ISSUER: is required when BEARING_OIDC_CLIENT_ID is set',
    );
    expect(refusal({ BEARING_PASSWORD_LOGIN: 'off' }).variable).toBe('BEARING_PASSWORD_LOGIN');
  });
});

describe('the role map', () => {
  const roleMap = {
    engineering: { acme: 'viewer' as const },
    leads: { acme: 'editor' as const, beta: 'admin' as const },
  };

  it('grants the highest role any of the groups maps to, per workspace', () => {
    expect(workspaceRolesOf(['engineering', 'leads', 'unmapped'], roleMap)).toEqual(
      new Map([
        ['acme', 'editor'],
        ['beta', 'admin'],
      ]),
    );
    expect(workspaceRolesOf(['constructor', 'toString'], roleMap)).toEqual(new Map());
  });

  it('reads the groups from an array or a single string claim, ignoring anything else', () => {
    expect(groupsOf({ groups: ['a', 1, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsOf({ roles: 'a' }, 'roles')).toEqual(['a']);
    expect(groupsOf({ groups: { a: true } }, 'groups')).toEqual([]);
  });
});
