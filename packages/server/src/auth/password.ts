import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt with N=2^15, r=8, p=1: ~32 MiB and tens of milliseconds per check,
// which makes offline guessing expensive while sign-in stays quick.
const N = 32768;
const r = 8;
const p = 1;
const keyLength = 32;

function derive(password: string, salt: Buffer, n: number, rr: number, pp: number, length = keyLength): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, { N: n, r: rr, p: pp, maxmem: 128 * n * rr * 2 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash`, so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, rr, pp, salt, hash] = parts as [string, string, string, string, string, string];
  const [cost, blockSize, parallel] = [Number(n), Number(rr), Number(pp)];
  // A damaged hash is a failed sign-in, not a 500; bounds keep a bad row from costing gigabytes.
  if (
    ![cost, blockSize, parallel].every(Number.isSafeInteger) ||
    cost < 2 ||
    cost > 2 ** 17 ||
    blockSize < 1 ||
    blockSize > 16 ||
    parallel < 1 ||
    parallel > 16
  )
    return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length < 16 || expected.length > 64) return false;
  let actual: Buffer;
  try {
    actual = await derive(password, Buffer.from(salt, 'base64'), cost, blockSize, parallel, expected.length);
  } catch {
    return false;
  }
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
