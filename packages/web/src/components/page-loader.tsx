import { Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown while a screen's code or first data loads. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="50vh" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <span className="sabt-visually-hidden">{t('app.loading')}</span>
    </Center>
  );
}

/** Said in place of a part of a screen while its data loads. */
export function LoadingText({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" role="status">
      {children}
    </Text>
  );
}
