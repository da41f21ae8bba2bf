/**
 * Exact distinct counting of 64-bit digests without a string or object per member: members are
 * copied as raw bytes into one growing buffer, and `distinct()` sorts them as 64-bit integers
 * (a native typed-array sort) and counts the runs. A 90-day `/sessions/` read merges ~150,000
 * members this way (docs/performance.md › Sessions); a Set of strings spent most of its time
 * allocating and collecting them.
 */
export class DigestBag {
  private bytes = new Uint8Array(64);
  private count = 0;

  /** Adds the 8 bytes at `at` of `source`. */
  add(source: Uint8Array, at: number): void {
    const offset = this.count * 8;
    if (offset + 8 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    const bytes = this.bytes;
    for (let k = 0; k < 8; k++) bytes[offset + k] = source[at + k] as number;
    this.count++;
  }

  /** Members added so far, each counted once. Reorders the stored bytes; adding after is fine. */
  distinct(): number {
    if (this.count < 2) return this.count;
    // The byte order a digest is read in is irrelevant to equality, so native endianness will do.
    const values = new BigUint64Array(this.bytes.buffer, 0, this.count);
    values.sort();
    const words = new Uint32Array(this.bytes.buffer, 0, this.count * 2);
    let runs = 1;
    for (let i = 1; i < this.count; i++) {
      if (words[2 * i] !== words[2 * i - 2] || words[2 * i + 1] !== words[2 * i - 1]) runs++;
    }
    return runs;
  }
}
