/** The token scopes Sentry clients know (sentry-cli reads `auth.scopes` from `GET /api/0/`). */
export const allScopes = [
  'org:read',
  'org:write',
  'project:read',
  'project:write',
  'project:releases',
  'event:read',
  'event:write',
  'event:admin',
  'member:read',
  'member:write',
  'member:admin',
  'team:read',
  'team:write',
  'team:admin',
] as const;

export type Scope = (typeof allScopes)[number];

export function isScope(v: string): v is Scope {
  return (allScopes as readonly string[]).includes(v);
}

/**
 * Scopes imply weaker ones as in Sentry: a write scope grants the read, admin
 * grants write and read, and project:write grants project:releases.
 */
const implied: Record<Scope, readonly Scope[]> = {
  'org:read': [],
  'org:write': ['org:read'],
  'project:read': [],
  'project:write': ['project:read', 'project:releases'],
  'project:releases': [],
  'event:read': [],
  'event:write': ['event:read'],
  'event:admin': ['event:write', 'event:read'],
  'member:read': [],
  'member:write': ['member:read'],
  'member:admin': ['member:write', 'member:read'],
  'team:read': [],
  'team:write': ['team:read'],
  'team:admin': ['team:write', 'team:read'],
};

export function expandScopes(scopes: readonly string[]): Set<Scope> {
  const out = new Set<Scope>();
  for (const s of scopes) {
    if (!isScope(s)) continue;
    out.add(s);
    for (const i of implied[s]) out.add(i);
  }
  return out;
}

/** Parses a space- or comma-separated list; unknown names are reported, not dropped silently. */
export function parseScopes(text: string): { ok: true; scopes: Scope[] } | { ok: false; reason: string } {
  const names = text.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((n) => !isScope(n));
  if (unknown.length > 0) return { ok: false, reason: `unknown scope(s): ${unknown.join(', ')}; known: ${allScopes.join(' ')}` };
  if (names.length === 0) return { ok: false, reason: 'at least one scope is required' };
  return { ok: true, scopes: [...new Set(names as Scope[])] };
}

/**
 * Member roles grant scopes the same way tokens do, so one check serves both. The four
 * roles are Sentry's: admin, manager and owner may manage members (member:write) and
 * teams; a manager also holds member:admin and org:write, which leaves it every scope an owner has.
 */
export const roleScopes: Record<'owner' | 'manager' | 'admin' | 'member', readonly Scope[]> = {
  owner: allScopes,
  // Every scope there is (Faultline has no org:admin); what sets an owner apart are the role rules (members/role-rules.ts).
  manager: allScopes,
  admin: [
    'org:read',
    'project:read',
    'project:write',
    'project:releases',
    'event:read',
    'event:write',
    'event:admin',
    'member:read',
    'member:write',
    'team:read',
    'team:write',
    'team:admin',
  ],
  member: ['org:read', 'project:read', 'project:releases', 'event:read', 'event:write', 'member:read', 'team:read'],
};
