import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 lowercase hex characters: the form Sentry uses for DSN public keys and event ids. */
export function randomHex(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

/** Opaque secrets (tokens, session ids) are stored only as this digest. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
