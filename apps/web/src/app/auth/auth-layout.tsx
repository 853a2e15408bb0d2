import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../components/use-document-title';
import { webAppVersion } from '../build-info';
import classes from './auth-layout.module.css';

export interface AuthLayoutProps {
  /** The page's heading and document title. */
  title: string;
  /** One line under the heading: what this page is for. */
  intro: ReactNode;
  children: ReactNode;
  /** Below the card: where else to go. */
  footer?: ReactNode;
}

/** The pages before the app: a centred card on a quiet background. */
export function AuthLayout({ title, intro, children, footer }: AuthLayoutProps) {
  useDocumentTitle(title);
  return (
    <main className={classes.page}>
      <Stack gap="lg" w="100%" maw={420}>
        <Text className={classes.brand} ta="center" aria-hidden="true">
          Bearing
        </Text>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <Stack gap="lg">
            <Stack gap={6}>
              <Title order={1} size="h2">
                {title}
              </Title>
              <Text size="sm" c="dimmed">
                {intro}
              </Text>
            </Stack>
            {children}
          </Stack>
        </Paper>
        {footer && (
          <Text size="sm" c="dimmed" ta="center">
            {footer}
          </Text>
        )}
        <Text size="xs" c="dimmed" ta="center">
          Bearing v{webAppVersion}
        </Text>
      </Stack>
    </main>
  );
}
