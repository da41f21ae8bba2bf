import type { Selectable } from 'kysely';
import type { OrganizationTable, RepoContext } from '../../store/index.js';

export interface Organization {
  id: number;
  slug: string;
  name: string;
  createdAt: number;
}

function toOrganization(r: Selectable<OrganizationTable>): Organization {
  return { id: r.id, slug: r.slug, name: r.name, createdAt: r.created_at };
}

export function createOrganizationRepo({ db, clock }: RepoContext) {
  return {
    async create(input: { slug: string; name: string }): Promise<Organization> {
      const row = await db
        .insertInto('organizations')
        .values({ slug: input.slug, name: input.name, created_at: clock.now() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toOrganization(row);
    },
    async bySlug(slug: string): Promise<Organization | undefined> {
      const row = await db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toOrganization(row);
    },
    async byId(id: number): Promise<Organization | undefined> {
      const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toOrganization(row);
    },
    /** Every organization of the installation, oldest first: what a superuser administers. */
    async all(): Promise<Organization[]> {
      const rows = await db.selectFrom('organizations').selectAll().orderBy('id').execute();
      return rows.map(toOrganization);
    },
    /** Organizations the user is a member of, with the member's role. */
    async forUser(userId: number): Promise<(Organization & { role: string })[]> {
      const rows = await db
        .selectFrom('organizations')
        .innerJoin('members', 'members.org_id', 'organizations.id')
        .selectAll('organizations')
        .select('members.role')
        .where('members.user_id', '=', userId)
        .orderBy('organizations.id')
        .execute();
      return rows.map((r) => ({ ...toOrganization(r), role: r.role }));
    },
  };
}

export type OrganizationRepo = ReturnType<typeof createOrganizationRepo>;
