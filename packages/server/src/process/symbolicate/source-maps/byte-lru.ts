/**
 * A least-recently-used cache bounded by the bytes its values stand for (a parsed source map
 * costs about its JSON size). Keys are content digests, so entries never go stale; they only
 * go when space is needed. A value larger than the whole budget is not kept.
 */
export class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; cost: number }>();
  private used = 0;

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    // Map keeps insertion order: re-inserting makes the entry the most recent.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: V, cost: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= old.cost;
    }
    if (cost > this.capacity) return;
    this.entries.set(key, { value, cost });
    this.used += cost;
    for (const [k, e] of this.entries) {
      if (this.used <= this.capacity) break;
      this.entries.delete(k);
      this.used -= e.cost;
    }
  }

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }
}
