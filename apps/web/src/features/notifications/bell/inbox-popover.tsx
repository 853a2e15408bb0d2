import { Popover } from '@mantine/core';
import { cloneElement, type MouseEventHandler, type ReactElement, useId, useState } from 'react';
import type { LoadedMenuProps } from '../../../components/deferred-menu';
import { InboxPanel } from './inbox-panel';

/** The inbox as a dropdown under the bell; following a link in it closes it. */
export function InboxPopover({ target, defaultOpened }: LoadedMenuProps) {
  const [opened, setOpened] = useState(defaultOpened);
  const titleId = useId();
  // Controlled (so a followed link can close it): the target toggles it itself.
  const toggle = cloneElement(target as ReactElement<{ onClick?: MouseEventHandler }>, {
    onClick: () => setOpened((open) => !open),
  });
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(400px, calc(100vw - 24px))"
      shadow="md"
      returnFocus
    >
      <Popover.Target>{toggle}</Popover.Target>
      {/* Named by its heading, not by the bell (whose name carries the count). */}
      <Popover.Dropdown p={0} aria-labelledby={titleId}>
        <InboxPanel titleId={titleId} onNavigate={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}
