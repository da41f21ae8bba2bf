/**
 * http — what every domain's routes share: the one error handler (Sentry's `{"detail": …}` bodies from the coded catalogue), pagination (offset
 * and keyset `Link` headers) and body reading. It knows no domain; api/ registers the routes
 * that use it. Apart from api/ because api/index.ts imports every domain, and the domains'
 * routes import this.
 */

export { jsonObject, optionalBoolean, optionalString } from './body.js';
export { acceptEmptyJsonBodies } from './empty-json-body.js';
export { installErrorHandling } from './errors.js';
export { formatKeysetCursor, type KeysetCursor, type KeysetPage, keysetPage, parseKeysetCursor } from './keyset-cursor.js';
export { allParams, firstParam, readKeysetCursor, readLimit, setKeysetLink, setOffsetLink } from './keyset-pagination.js';
export { paginate, readPage } from './pagination.js';
