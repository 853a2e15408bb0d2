import { describe, expect, it } from '@jest/globals';
import { Menu } from '@mantine/core';
import { act, fireEvent, screen } from '@testing-library/react';
import { lazy } from 'react';
import { renderWithProviders } from '../test-utils/render';
import { DeferredMenu, type LoadedMenuProps } from './deferred-menu';

/** A menu whose code "arrives" only when the test says so. */
function menuArrivingLater() {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const AccountMenu = lazy(async () => {
    await arrived;
    return {
      default: ({ target, defaultOpened }: LoadedMenuProps) => (
        <Menu defaultOpened={defaultOpened}>
          <Menu.Target>{target}</Menu.Target>
          <Menu.Dropdown>
            <Menu.Item>Sign out</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    };
  });
  renderWithProviders(
    <DeferredMenu target={<button type="button">Account</button>}>
      {(menu) => <AccountMenu {...menu} />}
    </DeferredMenu>,
  );
  return () =>
    act(async () => {
      arrive();
      await arrived;
    });
}

describe('DeferredMenu', () => {
  it('shows its button before the menu has loaded, and opens on a click made meanwhile', async () => {
    const arrive = menuArrivingLater();

    fireEvent.click(screen.getByRole('button', { name: 'Account' }));
    expect(screen.queryByRole('menu')).toBeNull();
    await arrive();

    expect(await screen.findByRole('menuitem', { name: 'Sign out' })).toBeTruthy();
  });

  it('stays closed once loaded when nobody clicked, and opens on the next click', async () => {
    const arrive = menuArrivingLater();
    await arrive();

    const button = await screen.findByRole('button', { name: 'Account', expanded: false });
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(button);
    expect(await screen.findByRole('menuitem', { name: 'Sign out' })).toBeTruthy();
  });
});
