/** A small seeded random generator (sfc32), so that a given seed always makes the same registry. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  /** Zipf-like draw: index i has weight 1 / (i + 8), so the first names are the most common. */
  zipf<T>(xs: readonly T[]): T {
    const n = xs.length;
    // inverse CDF of the continuous 1/(x + 8) on [0, n)
    const x = 8 * ((1 + n / 8) ** this.next() - 1);
    return xs[Math.min(n - 1, Math.floor(x))]!;
  }

  /** 128 random bits as a UUID (version 4 layout). */
  uuid(): string {
    const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
    const w = [this.u32(), this.u32(), this.u32(), this.u32()].map(hex).join('');
    return `${w.slice(0, 8)}-${w.slice(8, 12)}-4${w.slice(13, 16)}-${((Number.parseInt(w[16]!, 16) & 3) | 8).toString(16)}${w.slice(17, 20)}-${w.slice(20, 32)}`;
  }

  private u32(): number {
    return Math.floor(this.next() * 4294967296);
  }
}
