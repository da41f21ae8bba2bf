import type { User } from '../store/users.js';

/** A user as Sentry's web API returns one (ids are strings, dates RFC 3339). */
export function userJson(user: User) {
  return {
    id: String(user.id),
    email: user.email,
    name: user.name,
    username: user.email,
    isSuperuser: user.isSuperuser,
    dateJoined: new Date(user.createdAt).toISOString(),
  };
}
