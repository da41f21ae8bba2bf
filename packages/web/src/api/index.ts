/**
 * api: the typed client of Faultline's /api/0/ — the same API tools use. Adds the
 * session's CSRF token to writes, surfaces `{detail}` errors, parses Link-header cursors.
 * Knows nothing about pages or components.
 */
export { type ApiClient, ApiError, type ApiResponse, apiUrl, createApiClient, type FieldError, type Query } from './client.js';
export type * from './event-types.js';
export type * from './health-types.js';
export { type PageLink, type PageLinks, parseLinkHeader } from './link-header.js';
export type * from './monitor-types.js';
export type * from './performance-types.js';
export type * from './replay-types.js';
export type * from './types.js';
export { useAction } from './use-action.js';
export { ApiProvider, type Resource, useApi, useResource } from './use-resource.js';
