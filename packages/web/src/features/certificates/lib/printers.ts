import { useCallback, useSyncExternalStore } from 'react';

/**
 * The printers of this workstation and their calibration: how many millimetres each shifts a
 * print (X to the right, Y down). A property of the printer at this desk, not of the user, so it is
 * kept in this browser (localStorage) and sent with every overlay print.
 */
export interface Printer {
  id: string;
  name: string;
  dxMm: number;
  dyMm: number;
}

export interface PrinterSettings {
  printers: Printer[];
  /** The printer prints go to. */
  current: string | null;
}

const KEY = 'sabt.printers';
export const OFFSET_LIMIT = 30;
const EMPTY: PrinterSettings = { printers: [], current: null };

const listeners = new Set<() => void>();
let cache: { raw: string | null; value: PrinterSettings } | null = null;

const clamp = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v)
    ? Math.max(-OFFSET_LIMIT, Math.min(OFFSET_LIMIT, Math.round(v * 100) / 100))
    : 0;

/** What is stored, checked: anything broken or foreign is dropped, offsets kept within ±30 mm. */
export function parseSettings(raw: string | null): PrinterSettings {
  if (!raw) return EMPTY;
  try {
    const v = JSON.parse(raw) as Partial<PrinterSettings>;
    const printers = (Array.isArray(v.printers) ? v.printers : [])
      .filter((p): p is Printer => !!p && typeof p.id === 'string' && typeof p.name === 'string')
      .map((p) => ({ id: p.id, name: p.name.slice(0, 100), dxMm: clamp(p.dxMm), dyMm: clamp(p.dyMm) }));
    const current = printers.some((p) => p.id === v.current)
      ? (v.current as string)
      : (printers[0]?.id ?? null);
    return { printers, current };
  } catch {
    return EMPTY;
  }
}

function read(): PrinterSettings {
  let raw: string | null = null;
  try {
    raw = globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    // storage unavailable: no printers
  }
  if (cache?.raw !== raw) cache = { raw, value: parseSettings(raw) };
  return cache.value;
}

export function savePrinterSettings(settings: PrinterSettings): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(parseSettings(JSON.stringify(settings))));
  } catch {
    // private mode or full storage: the change lasts while the page is open
    cache = { raw: null, value: settings };
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // another tab of this workstation changed them
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) listener();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

/** The printers and the current one, kept in step with storage; `update` saves at once. */
export function usePrinters() {
  const settings = useSyncExternalStore(subscribe, read, read);
  const update = useCallback((change: (s: PrinterSettings) => PrinterSettings) => {
    savePrinterSettings(change(read()));
  }, []);
  const current = settings.printers.find((p) => p.id === settings.current) ?? null;
  return { ...settings, currentPrinter: current, update };
}

/** "+1,5" / "−0,5" / "0": millimetres as offices write them. */
export function formatMm(v: number): string {
  const s = Math.abs(v).toLocaleString('ru-RU', { maximumFractionDigits: 2 });
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : '0';
}
