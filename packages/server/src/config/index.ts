/**
 * config: the schema of every setting and the one loader of the environment.
 * Nothing else reads process.env.
 */
export { ConfigError, loadConfig, renderConfigDoc } from './load.js';
export { type Config, configSchema } from './schema.js';
export { resolveSecretKey } from './secret-key.js';
