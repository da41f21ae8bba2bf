import assert from 'node:assert/strict';
import { scryptSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  it('hashes with scrypt in the self-describing scrypt$N$r$p$salt$hash format', async () => {
    const hash = await hashPassword('correct horse');
    assert.match(hash, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    assert.equal(hash.includes('correct horse'), false);
  });

  it('salts every hash, so equal passwords hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('same', a), true);
    assert.equal(await verifyPassword('same', b), true);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Tr0ub4dor&3 ünïcode');
    assert.equal(await verifyPassword('Tr0ub4dor&3 ünïcode', hash), true);
    assert.equal(await verifyPassword('Tr0ub4dor&3 unicode', hash), false);
    assert.equal(await verifyPassword('', hash), false);
  });

  it('verifies hashes made with other parameters (they can be raised later)', async () => {
    const weak = (await hashPassword('x')).replace(/^scrypt\$32768\$8\$1/, 'scrypt$1024$8$1');
    // Same salt and key but other parameters is not a valid hash of "x"…
    assert.equal(await verifyPassword('x', weak), false);
    // …while a genuine low-cost hash (as an older release would have written) verifies.
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('x', salt, 32, { N: 1024, r: 8, p: 1 });
    assert.equal(await verifyPassword('x', `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`), true);
  });

  it('treats damaged or foreign hashes as a failed check instead of throwing', async () => {
    const good = await hashPassword('pw');
    const salt = good.split('$')[4] ?? '';
    const key = good.split('$')[5] ?? '';
    for (const stored of [
      '',
      'plain',
      'bcrypt$2b$10$abc',
      `scrypt$abc$8$1$${salt}$${key}`,
      `scrypt$1000$8$1$${salt}$${key}`,
      `scrypt$${2 ** 30}$8$1$${salt}$${key}`,
      `scrypt$32768$8$1$${salt}$`,
      `scrypt$32768$8$1$${salt}$${key}$extra`,
    ]) {
      assert.equal(await verifyPassword('pw', stored), false, stored);
    }
  });
});
