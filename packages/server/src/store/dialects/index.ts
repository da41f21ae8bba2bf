export type { Dialect } from './dialect.js';
export { openPostgres, type PostgresOptions } from './postgres.js';
export { openSqlite } from './sqlite.js';
