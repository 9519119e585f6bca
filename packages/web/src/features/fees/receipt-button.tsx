import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { apiBlob } from '../../lib/api.ts';
import { useReceiptMessages } from './receipt-messages.ts';

interface Props {
  /** The ledger entry (a payment or a refund) whose receipt to print. */
  entryId: string;
  /** The receipt's number, for the button's accessible name and the file's name. */
  receiptNumber?: string | undefined;
  size?: 'xs' | 'sm' | 'md';
}

/** A PDF answer opened in a new window, else (a blocked pop-up) saved as a file. */
function openPdf(blob: Blob, fileName: string): 'opened' | 'downloaded' {
  const url = URL.createObjectURL(blob);
  // the window reads the bytes first: the address is given back a minute later
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  if (window.open(url, '_blank', 'noopener')) return 'opened';
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  return 'downloaded';
}

/**
 * The receipt of a payment or a refund (GET /fees/entries/:id/receipt.pdf): the PDF as the server
 * stored it on its first print, opened for printing; a refusal (a role that takes no money, an
 * entry without a receipt) in the user's language.
 */
export function ReceiptButton({ entryId, receiptNumber, size = 'sm' }: Props) {
  const m = useReceiptMessages();
  const alert = useRef<HTMLDivElement>(null);
  const open = useMutation({
    mutationFn: async () =>
      openPdf(
        await apiBlob(`/fees/entries/${encodeURIComponent(entryId)}/receipt.pdf`),
        `receipt-${receiptNumber ?? entryId}.pdf`,
      ),
  });
  useEffect(() => {
    if (open.error) alert.current?.focus();
  }, [open.error]);
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size={size}
        variant="default"
        loading={open.isPending}
        onClick={() => open.mutate()}
        aria-label={receiptNumber ? m.label(receiptNumber) : undefined}
      >
        {m.button}
      </Button>
      <Text size="xs" c="dimmed" role="status">
        {open.isPending ? m.loading : open.data ? m[open.data] : ''}
      </Text>
      <ProblemAlert ref={alert} error={open.error} text={{ title: m.problemTitle, check: m.problemCheck }} />
    </Stack>
  );
}
