import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, renderConfigDoc } from './load.js';
import { configSchema } from './schema.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.dataDir, './data');
    assert.equal(config.publicUrl, 'http://localhost:8000');
    assert.equal(config.databaseUrl, null);
    assert.equal(config.secretKey, null);
    assert.equal(config.adminEmail, 'admin@faultline.local');
    assert.equal(config.adminPassword, null);
    assert.equal(config.logLevel, 'info');
  });

  it('derives the default public URL from the port, and keeps an explicit one without trailing slash', () => {
    assert.equal(loadConfig({ FAULTLINE_PORT: '9123' }).publicUrl, 'http://localhost:9123');
    assert.equal(loadConfig({ FAULTLINE_PORT: '9123', FAULTLINE_URL: 'https://errors.example.com/sentry/' }).publicUrl, 'https://errors.example.com/sentry');
  });

  it('reads every key from its variable, treating empty as unset', () => {
    const config = loadConfig({
      FAULTLINE_PORT: '0',
      FAULTLINE_HOST: '127.0.0.1',
      FAULTLINE_DATA_DIR: '/var/lib/faultline',
      DATABASE_URL: 'postgresql://u@db/faultline',
      FAULTLINE_SECRET_KEY: 'x'.repeat(32),
      FAULTLINE_ADMIN_EMAIL: 'Root@Example.com',
      FAULTLINE_ADMIN_PASSWORD: 'long enough',
      FAULTLINE_LOG_LEVEL: 'debug',
      FAULTLINE_URL: '',
    });
    assert.equal(config.port, 0);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, '/var/lib/faultline');
    assert.equal(config.databaseUrl, 'postgresql://u@db/faultline');
    assert.equal(config.secretKey, 'x'.repeat(32));
    assert.equal(config.adminEmail, 'root@example.com');
    assert.equal(config.adminPassword, 'long enough');
    assert.equal(config.logLevel, 'debug');
    assert.equal(config.publicUrl, 'http://localhost:0');
  });

  it('reports every problem at once, each naming its variable', () => {
    const problems = problemsOf({
      FAULTLINE_PORT: 'abc',
      FAULTLINE_URL: 'ftp://example.com',
      DATABASE_URL: 'mysql://db',
      FAULTLINE_SECRET_KEY: 'short',
      FAULTLINE_ADMIN_EMAIL: 'not-an-email',
      FAULTLINE_ADMIN_PASSWORD: 'short',
      FAULTLINE_LOG_LEVEL: 'loud',
    });
    const named = [
      'FAULTLINE_PORT',
      'FAULTLINE_URL',
      'DATABASE_URL',
      'FAULTLINE_SECRET_KEY',
      'FAULTLINE_ADMIN_EMAIL',
      'FAULTLINE_ADMIN_PASSWORD',
      'FAULTLINE_LOG_LEVEL',
    ];
    assert.equal(problems.length, named.length, problems.join('\n'));
    for (const env of named)
      assert.ok(
        problems.some((p) => p.startsWith(`${env} `)),
        `no problem reported for ${env}`,
      );
    assert.match(problems.find((p) => p.startsWith('FAULTLINE_PORT')) ?? '', /whole number, got "abc"/);
  });

  it('rejects ports out of range and non-integers', () => {
    for (const port of ['65536', '-1', '80.5', '8e3', ' ']) {
      assert.ok(
        problemsOf({ FAULTLINE_PORT: port }).some((p) => p.startsWith('FAULTLINE_PORT')),
        port,
      );
    }
    assert.equal(loadConfig({ FAULTLINE_PORT: '65535' }).port, 65535);
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    assert.ok(Object.isFrozen(config));
    assert.throws(() => {
      (config as { port: number }).port = 1;
    }, TypeError);
  });

  it('documents every key in the generated reference', () => {
    const doc = renderConfigDoc();
    for (const key of Object.values(configSchema)) {
      assert.ok(doc.includes(`\`${key.env}\``), `${key.env} missing from the doc`);
      assert.ok(key.doc.length > 10, `${key.env} has no real doc line`);
    }
  });
});
