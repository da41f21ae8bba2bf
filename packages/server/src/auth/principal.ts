import type { ApiToken, User } from '../store/index.js';

/** Who is calling: a signed-in person (cookie session) or an API token. */
export type Principal = { kind: 'session'; user: User; sessionIdHash: string; csrfToken: string } | { kind: 'token'; user: User; token: ApiToken };
