/** Request counters of the pass Culture paths, keyed by method and route pattern, and the 429s answered. */
export class Stats {
  private counts = new Map<string, number>();
  private tooMany = 0;

  count(method: string, route: string | undefined): void {
    const key = `${method} ${route ?? '(no route)'}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** A 429, from the documented limit or the `rateLimitBurst` fault. */
  countRateLimited(): void {
    this.tooMany += 1;
  }

  clear(): void {
    this.counts.clear();
    this.tooMany = 0;
  }

  snapshot(): { requests: Record<string, number>; total: number; rateLimited: number } {
    const requests: Record<string, number> = {};
    let total = 0;
    for (const [key, n] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      requests[key] = n;
      total += n;
    }
    return { requests, total, rateLimited: this.tooMany };
  }
}
