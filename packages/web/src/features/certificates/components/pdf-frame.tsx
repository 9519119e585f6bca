import { Button, Group, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useCertificateMessages } from '../messages.ts';

interface Props {
  blob: Blob;
  /** Names the frame for screen readers and the new window. */
  title: string;
  /** Offer printing (the signed certificate); a preview is only looked at. */
  printable?: boolean;
  height?: string;
}

/** A PDF in the page (the browser's own viewer), with Print and Open-in-a-new-window. */
export function PdfFrame({ blob, title, printable = false, height = '62vh' }: Props) {
  const { m } = useCertificateMessages();
  const frame = useRef<HTMLIFrameElement>(null);
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);

  const print = () => {
    try {
      const win = frame.current?.contentWindow;
      if (!win) throw new Error('no frame');
      win.focus();
      win.print();
    } catch {
      // a viewer that will not print from a frame: the new window prints
      if (url) window.open(url, '_blank', 'noopener');
    }
  };

  if (!url) return null;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {printable && <Button onClick={print}>{m.pdf.print}</Button>}
        <Button component="a" href={url} target="_blank" rel="noopener" variant="default">
          {m.pdf.open}
        </Button>
      </Group>
      <iframe
        ref={frame}
        src={url}
        title={title}
        style={{ width: '100%', height, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
      />
    </Stack>
  );
}
