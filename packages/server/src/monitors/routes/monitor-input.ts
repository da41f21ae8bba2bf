import { fail } from '../../kernel/index.js';
import { validateSlug } from '../monitor-slug.js';

/**
 * The top-level keys of `POST /organizations/{org}/monitors/` and `PUT …/monitors/{slug}/`
 * (Sentry API reference, Crons: "Create a Monitor", "Update a Monitor"), checked before anything
 * is written. `config` is handed on raw: the domain's `parseMonitorConfig` (create) or
 * `mergeMonitorConfig` (update) judges it, the same rules the SDKs' `monitor_config` meets.
 * Unknown keys are ignored, as Sentry's serializer does; wrong values are a 400 naming the key.
 */
export interface MonitorInput {
  /** slug or numeric id of the project */
  readonly project?: string;
  readonly name?: string;
  readonly slug?: string;
  readonly status?: 'active' | 'disabled';
  readonly isMuted?: boolean;
  /** `user:<id>` | `team:<id>`; null clears */
  readonly owner?: string | null;
  readonly config?: unknown;
}

const OWNER = /^(user|team):\d{1,15}$/;

/** The slug Sentry derives from a name when none is given (Django's slugify, cut to 50). */
export function slugFromName(name: string): string {
  let out = '';
  for (const ch of name.toLowerCase()) {
    if (/[a-z0-9_-]/.test(ch)) out += ch;
    else if (!out.endsWith('-')) out += '-';
  }
  const slug = out.replace(/^-+|-+$/g, '').slice(0, 50);
  return slug === '' || /^\d+$/.test(slug) ? `monitor-${slug}`.replace(/-$/, '').slice(0, 50) : slug;
}

export function parseMonitorInput(body: unknown, creating: boolean): MonitorInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) fail('validation_failed', 'Expected a JSON object body');
  const b = body as Record<string, unknown>;
  const out: { -readonly [K in keyof MonitorInput]: MonitorInput[K] } = {};
  if (b.project !== undefined && b.project !== null) {
    const ok = (typeof b.project === 'string' && b.project !== '' && b.project.length <= 100) || (typeof b.project === 'number' && Number.isInteger(b.project));
    if (!ok) fail('validation_failed', 'project must be a project slug or id');
    out.project = String(b.project);
  } else if (creating) fail('validation_failed', 'project: This field is required.');
  if (b.name !== undefined && b.name !== null) {
    if (typeof b.name !== 'string' || b.name.trim() === '' || b.name.length > 128)
      fail('validation_failed', 'name: Ensure this field has 1 to 128 characters.');
    out.name = b.name.trim();
  } else if (creating) fail('validation_failed', 'name: This field is required.');
  if (b.slug !== undefined && b.slug !== null) {
    const slug = validateSlug(b.slug);
    if (!slug.ok) fail('validation_failed', `slug: ${slug.reason}`);
    out.slug = slug.slug;
  }
  if (b.status !== undefined) {
    if (b.status !== 'active' && b.status !== 'disabled')
      fail('validation_failed', `status: "${String(b.status).slice(0, 32)}" is not a valid choice (active, disabled).`);
    out.status = b.status;
  }
  if (b.isMuted !== undefined) {
    if (typeof b.isMuted !== 'boolean') fail('validation_failed', 'isMuted: Must be a valid boolean.');
    out.isMuted = b.isMuted;
  }
  if (b.type !== undefined && b.type !== 'cron_job') fail('validation_failed', `type: "${String(b.type).slice(0, 32)}" is not a valid choice (cron_job).`);
  if (b.owner !== undefined) {
    if (b.owner !== null && b.owner !== '' && (typeof b.owner !== 'string' || !OWNER.test(b.owner)))
      fail('validation_failed', 'owner: use "user:<id>", "team:<id>" or null.');
    out.owner = b.owner === '' ? null : (b.owner as string | null);
  }
  if (b.config !== undefined) out.config = b.config;
  else if (creating) fail('validation_failed', 'config: This field is required.');
  return out;
}
