/** A blank or certificate as printed on it: "I-ДУ № 000123"; on plain paper "DU-03-00 № 2026/000001". */
export function seriesNumber(x: { series: string; number: string }): string {
  return `${x.series} № ${x.number}`;
}
