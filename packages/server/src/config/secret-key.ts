import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './schema.js';

/**
 * The configured secret, or one generated on first run and kept in the data
 * directory (mode 0600) so sessions and bootstrap tokens survive restarts.
 */
export function resolveSecretKey(config: Config): string {
  if (config.secretKey) return config.secretKey;
  const file = join(config.dataDir, 'secret-key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    const key = randomBytes(32).toString('base64url');
    if (createOnce(file, `${key}\n`)) return key;
  }
  const existing = readFileSync(file, 'utf8').trim();
  // A truncated or emptied file must not silently become a weak key.
  if (existing.length < 32) throw new Error(`${file} holds no usable secret key (fewer than 32 characters); restore it or remove it to generate a new one`);
  return existing;
}

/**
 * Creates `file` with `content` unless it exists; false when another process
 * won. The content is written aside and hard-linked into place, so nobody
 * reads a half-written key; volumes without hard links fall back to 'wx'.
 */
function createOnce(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
  } finally {
    rmSync(temp, { force: true });
  }
  try {
    writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}
