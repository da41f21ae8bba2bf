import type { JsonObject } from '@faultline/protocol';
import { type EventUser, type NormalizedEvent, type Pair, STRING_LIMITS } from '../normalize/index.js';

/**
 * The user key of an event: what "users affected" counts and the `user` tag shows. Sentry's
 * EventUser tag order: id, username, email, ip address (`id:42`, `email:a@b.c`, `ip:…`).
 */
export function userKeyOf(user: EventUser | undefined): string | null {
  if (user === undefined) return null;
  if (user.id !== undefined && user.id !== '') return cut(`id:${user.id}`);
  if (user.username !== undefined && user.username !== '') return cut(`username:${user.username}`);
  if (user.email !== undefined && user.email !== '') return cut(`email:${user.email}`);
  if (user.ip_address !== undefined && user.ip_address !== '') return `ip:${user.ip_address}`;
  return null;
}

/** Tag keys the server derives; a derived value replaces an SDK tag of the same key (Sentry reserves them too). */
export const DERIVED_TAG_KEYS = [
  'level',
  'environment',
  'release',
  'user',
  'user.id',
  'user.username',
  'user.email',
  'user.ip',
  'browser',
  'browser.name',
  'os',
  'os.name',
  'runtime',
  'runtime.name',
  'url',
  'transaction',
  'server_name',
  'handled',
  'mechanism',
] as const;

/**
 * The event's tags as Sentry shows and counts them: the SDK's tags plus the ones derived from
 * the event (level, environment, release, user, browser/os/runtime from contexts, url,
 * transaction, server_name, and handled/mechanism of the thrown exception). Runs after
 * scrubbing, so derived values come from scrubbed fields.
 */
export function eventTags(event: NormalizedEvent, userKey: string | null): Pair[] {
  const derived: Pair[] = [];
  const add = (key: string, value: string | undefined | null): void => {
    if (value !== undefined && value !== null && value.trim() !== '') derived.push([key, cut(value.trim())]);
  };
  add('level', event.level);
  add('environment', event.environment);
  add('release', event.release);
  add('user', userKey);
  // Each identity field of the user is searchable on its own (`user.email:…` finds a user who also has an id).
  add('user.id', event.user?.id);
  add('user.username', event.user?.username);
  add('user.email', event.user?.email);
  add('user.ip', event.user?.ip_address);
  for (const alias of ['browser', 'os', 'runtime'] as const) {
    const context = event.contexts?.[alias];
    const name = stringField(context, 'name');
    add(alias, name === undefined ? undefined : joinVersion(name, stringField(context, 'version')));
    add(`${alias}.name`, name);
  }
  add('url', event.request?.url);
  add('transaction', event.transaction);
  add('server_name', event.server_name);
  const thrown = event.exception?.values.at(-1)?.mechanism;
  if (thrown !== undefined) {
    if (thrown.handled !== undefined) add('handled', thrown.handled ? 'yes' : 'no');
    add('mechanism', thrown.type);
  }
  const replaced = new Set(derived.map(([key]) => key));
  const own = event.tags.filter(([key]) => !replaced.has(key));
  return [...own, ...derived];
}

function stringField(context: JsonObject | undefined, key: string): string | undefined {
  const v = context?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function joinVersion(name: string, version: string | undefined): string {
  return version === undefined ? name : `${name} ${version}`;
}

function cut(value: string): string {
  return value.length > STRING_LIMITS.tagValue ? value.slice(0, STRING_LIMITS.tagValue) : value;
}
