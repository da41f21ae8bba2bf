const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * Unique 32-hex event ids without a random-number call or a string per send: a 24-hex
 * prefix naming the run and phase, then an 8-hex counter written nibble by nibble into
 * one reused buffer (copied into the envelope right away by `stampId`).
 */
export interface EventIdSequence {
  /** The next id, as 32 ASCII bytes; the buffer is reused by the following call. */
  next(): Buffer;
  readonly issued: number;
}

export function eventIdSequence(prefixHex24: string): EventIdSequence {
  if (!/^[0-9a-f]{24}$/.test(prefixHex24)) throw new RangeError('event id prefix must be 24 lowercase hex digits');
  const id = Buffer.alloc(32);
  id.write(prefixHex24, 0, 'latin1');
  let counter = 0;
  return {
    next() {
      if (counter > 0xffffffff) throw new RangeError('event id counter exhausted (2^32 ids per phase)');
      let n = counter++;
      for (let i = 31; i >= 24; i--) {
        id[i] = HEX[n & 15] as number;
        n >>>= 4;
      }
      return id;
    },
    get issued() {
      return counter;
    },
  };
}
