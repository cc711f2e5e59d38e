/** Request counters of the pass Culture paths, keyed by method and route pattern. */
export class Stats {
  private counts = new Map<string, number>();

  count(method: string, route: string | undefined): void {
    const key = `${method} ${route ?? '(no route)'}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  clear(): void {
    this.counts.clear();
  }

  snapshot(): { requests: Record<string, number>; total: number } {
    const requests: Record<string, number> = {};
    let total = 0;
    for (const [key, n] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      requests[key] = n;
      total += n;
    }
    return { requests, total };
  }
}
