import { Alert, Button, Code, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';

/**
 * The ten recovery codes, shown once right after MFA is turned on (only their hashes are kept):
 * the user copies or writes them down, then says so.
 */
export function RecoveryCodesList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Alert color="yellow" title="Save your recovery codes now" role="status">
      <Stack gap="sm">
        <Text size="sm">
          Two-factor authentication is on. If you lose your phone, each of these codes signs you in
          once instead of the app’s code. They are shown only now: keep them somewhere safe, such as
          your password manager.
        </Text>
        <SimpleGrid cols={2} spacing="xs" maw={320} aria-label="Recovery codes" component="ul">
          {codes.map((code) => (
            <Code key={code} component="li" fz="sm" style={{ listStyle: 'none' }}>
              {code}
            </Code>
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button variant="default" size="xs" onClick={copy}>
                {copied ? 'Copied' : 'Copy the codes'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" onClick={onDone}>
            I have saved them
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
