import type { Selectable } from 'kysely';
import type { ProjectTable, RepoContext, StoreExecutor } from '../../store/index.js';

export interface Project {
  id: number;
  orgId: number;
  slug: string;
  name: string;
  platform: string | null;
  /** per-project settings (filters, scrubbing, rules); each domain validates its own part */
  settings: Record<string, unknown>;
  createdAt: number;
}

function parseSettings(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function toProject(r: Selectable<ProjectTable>): Project {
  return {
    id: r.id,
    orgId: r.org_id,
    slug: r.slug,
    name: r.name,
    platform: r.platform,
    settings: parseSettings(r.settings),
    createdAt: r.created_at,
  };
}

export function createProjectRepo({ db, clock }: RepoContext) {
  return {
    async create(input: { orgId: number; slug: string; name: string; platform: string | null }): Promise<Project> {
      const row = await db
        .insertInto('projects')
        .values({ org_id: input.orgId, slug: input.slug, name: input.name, platform: input.platform, settings: '{}', created_at: clock.now() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toProject(row);
    },
    async byId(id: number): Promise<Project | undefined> {
      const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toProject(row);
    },
    async bySlug(orgId: number, slug: string): Promise<Project | undefined> {
      const row = await db.selectFrom('projects').selectAll().where('org_id', '=', orgId).where('slug', '=', slug).executeTakeFirst();
      return row && toProject(row);
    },
    async list(orgId: number): Promise<Project[]> {
      const rows = await db.selectFrom('projects').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
      return rows.map(toProject);
    },
    /** Every project's id and settings (background jobs that apply per-project settings). */
    async allSettings(): Promise<{ id: number; settings: Record<string, unknown> }[]> {
      const rows = await db.selectFrom('projects').select(['id', 'settings']).orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, settings: parseSettings(r.settings) }));
    },
    /** Settings of some projects, read inside the caller's transaction (the processing pipeline). */
    async settingsByIds(trx: StoreExecutor, ids: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
      if (ids.length === 0) return new Map();
      const rows = await trx.selectFrom('projects').select(['id', 'settings']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, parseSettings(r.settings)]));
    },
    /** Name, slug and platform as the project settings API changes them. */
    async rename(id: number, fields: { name?: string; slug?: string; platform?: string | null }): Promise<void> {
      if (Object.keys(fields).length > 0) await db.updateTable('projects').set(fields).where('id', '=', id).execute();
    },
    async updateSettings(id: number, settings: Record<string, unknown>): Promise<void> {
      await db
        .updateTable('projects')
        .set({ settings: JSON.stringify(settings) })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type ProjectRepo = ReturnType<typeof createProjectRepo>;
