/**
 * kernel: the few primitives every domain uses — the coded error catalogue, the
 * logger, the clock and id helpers, the glob matcher. It must not know about any domain.
 */
export * from './address-list.js';
export * from './allowed-origins.js';
export * from './clock.js';
export * from './error-doc.js';
export * from './errors.js';
export * from './flag-list-settings.js';
export * from './glob.js';
export * from './ids.js';
export * from './logger.js';
