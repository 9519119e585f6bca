import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../lib/i18n.ts';
import { theme } from '../lib/theme.ts';

/** Everything every screen needs: theme, notifications, the query cache, the translations. */
export function AppProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={client}>
          {/* Bottom right: a toast (registered, annulled …) never covers the header's language switch and sign-out. */}
          <Notifications position="bottom-right" />
          {children}
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
