import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The recovery codes, shown once: to copy or print (only the codes print, see app.css), then
 * "I have saved them".
 */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(codes.join('\n'));
    setCopied(true);
  };
  return (
    <Stack gap="md">
      <Text fw={600} component="h2" fz="lg" m={0}>
        {t('twoFactor.codesTitle')}
      </Text>
      <Alert color="yellow" role="status">
        {t('twoFactor.codesIntro')}
      </Alert>
      <Paper withBorder p="md" className="sabt-recovery-codes">
        <List listStyleType="none" spacing={4} ff="monospace" fz="lg" aria-label={t('twoFactor.codesTitle')}>
          {codes.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
      </Paper>
      <Group gap="sm">
        <Button variant="default" onClick={copy}>
          {copied ? t('twoFactor.copied') : t('twoFactor.copy')}
        </Button>
        <Button variant="default" onClick={() => window.print()}>
          {t('twoFactor.print')}
        </Button>
      </Group>
      <Button onClick={onDone}>{t('twoFactor.saved')}</Button>
    </Stack>
  );
}
