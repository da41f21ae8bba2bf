/**
 * auth: people, passwords, sign-in sessions, API tokens and scopes, and the
 * one place that decides whether a caller may touch an organization or
 * project; the request principal (who is calling, from a token or the session cookie) and
 * the sign-in and token routes. Owns the users, sessions and api_tokens tables.
 */
export { type Auth, type AuthOptions, createAuth, type OrgAccess } from './auth.js';
export { clearedSessionCookie, readCookie, sessionCookie, sessionCookieName } from './cookies.js';
export { hashPassword, verifyPassword } from './password.js';
export type { Principal } from './principal.js';
export { userJson } from './read/user-json.js';
export { installPrincipalResolution, requirePrincipal } from './request-principal.js';
export { type AuthApiDeps, registerAuthApi } from './routes/index.js';
export { allScopes, expandScopes, isScope, parseScopes, roleScopes, type Scope } from './scopes.js';
export { authRepositories } from './store/repositories.js';
export type { User } from './store/users.js';
