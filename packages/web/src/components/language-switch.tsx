import { SegmentedControl } from '@mantine/core';
import { isLocale } from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from '../lib/i18n.ts';

/** Tajik / Russian / English; the choice is kept in this browser. */
export function LanguageSwitch({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size={size}
      value={currentLanguage()}
      onChange={(value) => {
        if (isLocale(value) && value !== i18n.language) void i18n.changeLanguage(value);
      }}
      data={LANGUAGES.map((l) => ({
        value: l.code,
        label: <span lang={l.code}>{l.name}</span>,
      }))}
    />
  );
}
