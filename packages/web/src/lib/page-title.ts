import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** The browser tab names the screen, then the application: "Бланкҳо — Сабт". */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} — ${t('app.name')}`);
}
