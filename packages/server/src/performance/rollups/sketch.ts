import { DDSketch } from '@datadog/sketches-js';

/**
 * Durations are summarised in DDSketch, a mergeable quantile sketch whose quantiles are within
 * 1% of the true value (relative accuracy; Masson, Rim & Lee, "DDSketch", VLDB 2019). Sketches
 * of any minutes merge into the sketch of their union, so a window's p95 never reads spans.
 *
 * Stored in a compact form of our own rather than the library's protobuf: that writes every
 * allocated bin as an 8-byte double (at least ~1 KB per sketch) and re-resolves its protobuf
 * module on every call, which the bench measured as most of the rollups' disk and a fifth of
 * processing CPU (docs/performance.md › Spans). Here only the non-empty bins are written, as
 * varints: version byte, zero count, then for the positive and the negative store the number
 * of bins and, per bin, the key's difference to the previous key (zigzag) and its count.
 */
export const SKETCH_RELATIVE_ACCURACY = 0.01;
const FORMAT_VERSION = 1;

export function newSketch(): DDSketch {
  return new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY });
}

interface Bins {
  readonly bins: number[];
  readonly offset: number;
}

class Writer {
  private bytes: number[] = [];
  varint(value: number): void {
    let v = Math.max(0, Math.round(value));
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
  }
  zigzag(value: number): void {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('sketch: truncated');
      const b = this.bytes[this.at++] as number;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new Error('sketch: varint too long');
    }
  }
  zigzag(): number {
    const v = this.varint();
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }
}

function writeStore(w: Writer, store: Bins): void {
  const keys: [number, number][] = [];
  store.bins.forEach((count, i) => {
    if (count > 0) keys.push([i + store.offset, count]);
  });
  w.varint(keys.length);
  let previous = 0;
  for (const [key, count] of keys) {
    w.zigzag(key - previous);
    w.varint(count);
    previous = key;
  }
}

function readStore(r: Reader, add: (key: number, count: number) => void): number {
  const n = r.varint();
  let key = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    key += r.zigzag();
    const count = r.varint();
    if (count > 0) add(key, count);
    total += count;
  }
  return total;
}

/** The library's key mapping, stateless: shared by every accumulator so keys match a DDSketch's exactly. */
const MAPPING = newSketch().mapping;

/**
 * The values of one rollup delta, kept as bin keys and counts without a DDSketch: a processing
 * batch makes tens of deltas per transaction, mostly of one to three values, and a DDSketch
 * allocates two dense stores each (the bench's processing profile: sketch objects and the
 * garbage they left were a fifth of the worker's time). `encodeAccumulated` writes the same
 * bytes `encodeSketch` writes for a DDSketch that accepted the same values.
 */
export class SketchAccumulator {
  zeroCount = 0;
  private readonly positive = new Map<number, number>();
  private readonly negative = new Map<number, number>();

  accept(value: number): void {
    // The same three cases as DDSketch.accept (sketches-js, "DDSketch.accept").
    if (value > MAPPING.minPossible) bump(this.positive, MAPPING.key(value));
    else if (value < -MAPPING.minPossible) bump(this.negative, MAPPING.key(-value));
    else this.zeroCount++;
  }

  encode(): Uint8Array {
    const w = new Writer();
    w.varint(FORMAT_VERSION);
    w.varint(this.zeroCount);
    writeKeys(w, this.positive);
    writeKeys(w, this.negative);
    return w.done();
  }
}

function bump(bins: Map<number, number>, key: number): void {
  bins.set(key, (bins.get(key) ?? 0) + 1);
}

function writeKeys(w: Writer, bins: Map<number, number>): void {
  const keys = [...bins.keys()].sort((a, b) => a - b);
  w.varint(keys.length);
  let previous = 0;
  for (const key of keys) {
    w.zigzag(key - previous);
    w.varint(bins.get(key) as number);
    previous = key;
  }
}

export function encodeSketch(sketch: DDSketch): Uint8Array {
  const w = new Writer();
  w.varint(FORMAT_VERSION);
  w.varint(sketch.zeroCount);
  writeStore(w, sketch.store);
  writeStore(w, sketch.negativeStore);
  return w.done();
}

export function decodeSketch(bytes: Uint8Array): DDSketch {
  const r = new Reader(bytes);
  const version = r.varint();
  if (version !== FORMAT_VERSION) throw new Error(`sketch format ${version} is not known`);
  const sketch = newSketch();
  sketch.zeroCount = r.varint();
  const positive = readStore(r, (key, count) => sketch.store.add(key, count));
  const negative = readStore(r, (key, count) => sketch.negativeStore.add(key, count));
  sketch.count = sketch.zeroCount + positive + negative;
  return sketch;
}

/**
 * Adds a stored sketch into `into` without building a DDSketch for it first: a window's query
 * merges thousands of rows, and a sketch object per row (two dense stores each) was most of
 * its garbage. The same result as `into.merge(decodeSketch(bytes))`.
 */
export function mergeEncodedSketch(into: DDSketch, bytes: Uint8Array): void {
  const r = new Reader(bytes);
  const version = r.varint();
  if (version !== FORMAT_VERSION) throw new Error(`sketch format ${version} is not known`);
  const zeros = r.varint();
  into.zeroCount += zeros;
  const positive = readStore(r, (key, count) => into.store.add(key, count));
  const negative = readStore(r, (key, count) => into.negativeStore.add(key, count));
  into.count += zeros + positive + negative;
}

/** The value at quantile q (0..1) of a merged sketch, or null when it holds nothing. */
export function quantileOf(sketch: DDSketch, q: number): number | null {
  return sketch.count === 0 ? null : sketch.getValueAtQuantile(q);
}

export type { DDSketch };
