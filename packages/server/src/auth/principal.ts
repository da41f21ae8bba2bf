import type { ApiToken } from './store/api-tokens.js';
import type { User } from './store/users.js';

/** Who is calling: a signed-in person (cookie session) or an API token. */
export type Principal = { kind: 'session'; user: User; sessionIdHash: string; csrfToken: string } | { kind: 'token'; user: User; token: ApiToken };
