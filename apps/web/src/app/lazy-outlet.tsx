import { Center, Loader } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';

/** The routed page, with a spinner while its code loads (for pages outside the app shell). */
export function LazyOutlet() {
  return (
    <Suspense
      fallback={
        <Center mih="100vh">
          <Loader aria-label="Loading the page" />
        </Center>
      }
    >
      <Outlet />
    </Suspense>
  );
}
