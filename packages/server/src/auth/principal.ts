import type { ApiToken } from './store/api-tokens.js';
import type { User } from './store/users.js';

/**
 * Who is calling: a signed-in person (cookie session) or an API token. `route` names what the
 * caller is doing (`GET /api/0/organizations/:org/issues/`) for audit lines; api/ sets it.
 */
export type Principal = ({ kind: 'session'; user: User; sessionIdHash: string; csrfToken: string } | { kind: 'token'; user: User; token: ApiToken }) & {
  readonly route?: string;
};
