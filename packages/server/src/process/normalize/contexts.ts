import type { JsonObject } from '@faultline/protocol';
import { copyBag } from './copy-bag.js';
import { BAG_LIMITS } from './limits.js';
import type { Pair } from './normalized-event.js';
import type { Notes } from './processing-notes.js';
import { isRecord, jsonTypeOf, setOwn } from './read-json.js';
import { parseUserAgent } from './user-agent.js';

// Fields the UI shows as versions/names; Node sends `os.version: "12.11\n"` (docs/wire-format.md › Event payloads).
const TRIMMED_FIELDS = ['name', 'version', 'build', 'kernel_version'] as const;

/**
 * `contexts`: alias → object, kept as given (bag limits apply) with `type` defaulting to the
 * alias (Sentry developer docs, Event Payloads › Contexts Interface). Browser SDKs send no `browser`/`os`
 * context; like Sentry we derive them from the request's User-Agent when absent.
 */
export function normalizeContexts(value: unknown, headers: readonly Pair[] | undefined, notes: Notes): Record<string, JsonObject> | undefined {
  const contexts: Record<string, JsonObject> = {};
  if (isRecord(value)) {
    for (const alias of Object.keys(value)) {
      const raw = value[alias];
      if (raw === null || raw === undefined) continue;
      const path = `contexts.${alias.slice(0, 64)}`;
      if (!isRecord(raw)) {
        notes.invalid(path, `expected an object, got ${jsonTypeOf(raw)}`);
        continue;
      }
      const context = copyBag(raw, BAG_LIMITS.context, notes, path) as JsonObject;
      if (typeof context.type !== 'string' || context.type === '') context.type = alias;
      for (const field of TRIMMED_FIELDS) {
        const v = context[field];
        if (typeof v === 'string') context[field] = v.trim();
      }
      setOwn(contexts, alias, context);
    }
  } else if (value !== undefined && value !== null) {
    notes.invalid('contexts', `expected an object, got ${jsonTypeOf(value)}`);
  }
  deriveFromUserAgent(contexts, headers);
  return Object.keys(contexts).length === 0 ? undefined : contexts;
}

function deriveFromUserAgent(contexts: Record<string, JsonObject>, headers: readonly Pair[] | undefined): void {
  if (Object.hasOwn(contexts, 'browser') && Object.hasOwn(contexts, 'os')) return;
  const ua = headers?.find(([name]) => name === 'User-Agent')?.[1];
  if (ua === undefined || ua === '') return;
  const info = parseUserAgent(ua);
  if (info.browser !== undefined && !Object.hasOwn(contexts, 'browser')) {
    contexts.browser = { type: 'browser', name: info.browser.name, version: info.browser.version };
  }
  if (info.os !== undefined && !Object.hasOwn(contexts, 'os')) {
    contexts.os = { type: 'os', name: info.os.name, ...(info.os.version === undefined ? {} : { version: info.os.version }) };
  }
}
