/**
 * A blank or certificate as printed on it: "I-ДУ № 000123"; a document on plain paper by its own
 * number, "№ 2026/000001" (its series is the office's code, which no person reads).
 */
export function seriesNumber(x: { series: string; number: string; onBlank?: boolean }): string {
  return x.onBlank === false ? `№ ${x.number}` : `${x.series} № ${x.number}`;
}
