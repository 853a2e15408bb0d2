import { Alert, Button, Divider, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { safeNextPath } from '../../app/auth/next-path';
import { ssoFailureInWords } from './sso-failure';
import { useAuthConfig } from './use-auth-config';

/**
 * The sign-in page's single sign-on part: why the last attempt was refused (the callback sends
 * the browser back with `?sso-error=<reason>`), and "Sign in with SSO" when the instance offers it
 * — a plain link, since the API redirects the whole page to the identity provider.
 */
export function SsoSignIn() {
  const [searchParams] = useSearchParams();
  const config = useAuthConfig();
  const failure = ssoFailureInWords(searchParams.get('sso-error'));
  const next = safeNextPath(searchParams.get('next'));
  const startHref = `/api/auth/oidc/start${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`;
  const sso = config.data?.sso === true;
  const passwordSignIn = config.data?.passwordSignIn !== false;

  if (!failure && !sso) return null;
  return (
    <Stack gap="md">
      {failure && (
        <Alert color="red" title="Not signed in with SSO" role="alert">
          {failure}
        </Alert>
      )}
      {sso && (
        <Button component="a" href={startHref} variant="default" fullWidth>
          Sign in with SSO
        </Button>
      )}
      {sso && !passwordSignIn && (
        <Text size="sm" c="dimmed" ta="center">
          This Bearing signs in through your organisation’s identity provider only.
        </Text>
      )}
      {sso && passwordSignIn && (
        <Divider label="or with email and password" labelPosition="center" />
      )}
    </Stack>
  );
}
