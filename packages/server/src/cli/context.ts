import { type Config, ConfigError, loadConfig, resolveSecretKey } from '../config/index.js';
import { createLogger, type Logger, systemClock } from '../kernel/index.js';
import { openStore } from '../open-store.js';
import type { Store } from '../store/index.js';

/** What every command needs: validated config, the secret, a migrated store. */
export interface CliContext {
  config: Config;
  secretKey: string;
  store: Store;
  logger: Logger;
  out: (line: string) => void;
}

export { UsageError } from './usage-error.js';

export function loadConfigOrExit(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const p of err.problems) process.stderr.write(`faultline: configuration error: ${p}\n`);
      process.exit(2);
    }
    throw err;
  }
}

export async function openContext(env: Record<string, string | undefined>): Promise<CliContext> {
  const config = loadConfigOrExit(env);
  const logger = createLogger(config.logLevel);
  const secretKey = resolveSecretKey(config);
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, clock: systemClock });
  const applied = await store.migrate();
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  return { config, secretKey, store, logger, out: (line) => process.stdout.write(`${line}\n`) };
}
