import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../lib/i18n.ts';
import { makeQueryClient } from '../lib/query-client.ts';
import { theme } from '../lib/theme.ts';

// On a busy 2-core machine a screen may take seconds to settle: findBy… and waitFor wait up to
// 10 s for it (they return as soon as it is there), not testing-library's 1 s.
configure({ asyncUtilTimeout: 10_000 });

/** Renders with the app's providers (a fresh query cache each time). */
export function renderWithProviders(ui: ReactNode) {
  const client = makeQueryClient();
  const result = render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={client}>{ui}</QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
  return { ...result, client };
}

/** A fetch stand-in that answers like the Sabt API: problem+json in the language asked for. */
export function jsonResponse(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}
