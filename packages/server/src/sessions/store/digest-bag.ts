/**
 * Exact distinct counting of 64-bit digests without a string or object per member: members are
 * copied as raw bytes into one buffer, and `distinct()` sorts them as 64-bit integers (a native
 * typed-array sort) and counts the runs. A 90-day `/sessions/` read merges ~150,000 members this
 * way (docs/performance.md › Sessions); a Set of strings spent most of its time allocating and
 * collecting them. Readers that know how many members are coming size the bag once.
 */
export class DigestBag {
  private bytes: Uint8Array;
  private count = 0;

  constructor(capacity = 8) {
    this.bytes = new Uint8Array(Math.max(1, capacity) * 8);
  }

  /** A bag holding every member of `bags` (copied whole, so it is one allocation). */
  static union(bags: Iterable<DigestBag>): DigestBag {
    const all = [...bags];
    const out = new DigestBag(all.reduce((n, b) => n + b.count, 0));
    for (const b of all) {
      out.bytes.set(b.bytes.subarray(0, b.count * 8), out.count * 8);
      out.count += b.count;
    }
    return out;
  }

  get size(): number {
    return this.count;
  }

  /** Makes room for `more` members at once: one allocation instead of a doubling per overflow. */
  reserve(more: number): void {
    const needed = (this.count + more) * 8;
    if (needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.count * 8));
    this.bytes = grown;
  }

  /** Adds the 8 bytes at `at` of `source`. */
  add(source: Uint8Array, at: number): void {
    const offset = this.count * 8;
    if (offset + 8 > this.bytes.length) this.reserve(1);
    const bytes = this.bytes;
    for (let k = 0; k < 8; k++) bytes[offset + k] = source[at + k] as number;
    this.count++;
  }

  /** Members added so far, each counted once. Reorders the stored bytes; adding after is fine. */
  distinct(): number {
    if (this.count < 2) return this.count;
    // The byte order a digest is read in is irrelevant to equality, so native endianness will do.
    const values = new BigUint64Array(this.bytes.buffer, this.bytes.byteOffset, this.count);
    values.sort();
    const words = new Uint32Array(this.bytes.buffer, this.bytes.byteOffset, this.count * 2);
    let runs = 1;
    for (let i = 1; i < this.count; i++) {
      if (words[2 * i] !== words[2 * i - 2] || words[2 * i + 1] !== words[2 * i - 1]) runs++;
    }
    return runs;
  }
}
