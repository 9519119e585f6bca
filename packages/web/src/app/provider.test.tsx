// @vitest-environment happy-dom
import { notifications } from '@mantine/notifications';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeQueryClient } from '../lib/query-client.ts';
import { AppProvider } from './provider.tsx';

afterEach(() => {
  notifications.clean();
  cleanup();
});

describe('the app providers', () => {
  it('show toasts at the bottom right, where they never cover the header (language, sign-out)', async () => {
    render(
      <AppProvider client={makeQueryClient()}>
        <header>Сабт</header>
      </AppProvider>,
    );
    act(() => {
      notifications.show({ message: 'Сабт ба қайд гирифта шуд.', color: 'teal' });
    });
    const toast = await screen.findByText('Сабт ба қайд гирифта шуд.');
    expect(toast.closest('[data-position]')?.getAttribute('data-position')).toBe('bottom-right');
  });
});
