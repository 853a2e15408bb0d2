import { Button, Group, TextInput } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useRef } from 'react';

export interface SecretValueProps {
  /** The input's label, e.g. "New API token". */
  label: string;
  value: string;
}

/**
 * A secret shown once (an API token, an invite link): read-only, selected on focus, with a
 * copy button. Where the browser refuses the clipboard (plain-http LAN installs), the text is
 * selected so it can be copied by hand.
 */
export function SecretValue({ label, value }: SecretValueProps) {
  const clipboard = useClipboard({ timeout: 2000 });
  const input = useRef<HTMLInputElement>(null);
  const copy = () => {
    clipboard.copy(value);
    input.current?.select();
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        ref={input}
        label={label}
        value={value}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        error={
          clipboard.error
            ? 'Copying was refused: the text is selected, copy it by hand.'
            : undefined
        }
        style={{ flex: 1 }}
      />
      <Button
        variant={clipboard.copied ? 'filled' : 'light'}
        color={clipboard.copied ? 'teal' : undefined}
        onClick={copy}
        miw={96}
      >
        {clipboard.copied ? 'Copied' : 'Copy'}
      </Button>
    </Group>
  );
}
