/**
 * A blank or certificate as printed on it: "I-ДУ № 000123"; a document on plain paper by its own
 * number, "№ 2026/000001" (its series is the office's code, which no person reads).
 */
/** A printed document by its name and number: "Шаҳодатнома дар бораи таваллуд I-ДУ № 000123". */
export function namedDocument(
  documentLabel: string,
  x: { series: string; number: string; onBlank?: boolean },
): string {
  return `${documentLabel} ${seriesNumber(x)}`;
}

export function seriesNumber(x: { series: string; number: string; onBlank?: boolean }): string {
  return x.onBlank === false ? `№ ${x.number}` : `${x.series} № ${x.number}`;
}
