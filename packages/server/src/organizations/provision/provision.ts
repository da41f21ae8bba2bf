import { createDefaultIssueRule } from '../../alert/index.js';
import type { User } from '../../auth/index.js';
import { fail } from '../../kernel/index.js';
import type { Team } from '../../members/index.js';
import type { Store } from '../../store/index.js';
import type { ClientKey } from '../store/client-keys.js';
import type { Organization } from '../store/organizations.js';
import type { Project } from '../store/projects.js';
import { isValidSlug } from './slug.js';

/**
 * Creating the things a new workspace needs, with their defaults: an
 * organization comes with its owner and a default team; a project comes with
 * a client key and belongs to that team.
 */
export function createProvisioning(store: Store) {
  async function ensureTeam(org: Organization): Promise<Team> {
    const teams = await store.teams.list(org.id);
    return teams[0] ?? (await store.teams.create(org.id, org.slug, org.name));
  }

  return {
    async ensureOrganization(slug: string, name: string, owner: User): Promise<{ org: Organization; created: boolean }> {
      if (!isValidSlug(slug)) fail('validation_failed', `invalid organization slug "${slug}": use lowercase letters, digits, - and _`);
      const existing = await store.organizations.bySlug(slug);
      const org = existing ?? (await store.organizations.create({ slug, name }));
      await store.members.add(org.id, owner.id, 'owner');
      const member = await store.members.find(org.id, owner.id);
      const team = await ensureTeam(org);
      if (member) await store.teams.addMember(team.id, member.id);
      return { org, created: !existing };
    },

    async ensureProject(
      org: Organization,
      input: { slug: string; name?: string; platform?: string | null },
    ): Promise<{ project: Project; key: ClientKey; created: boolean }> {
      if (!isValidSlug(input.slug)) fail('validation_failed', `invalid project slug "${input.slug}": use lowercase letters, digits, - and _`);
      const existing = await store.projects.bySlug(org.id, input.slug);
      const project =
        existing ?? (await store.projects.create({ orgId: org.id, slug: input.slug, name: input.name ?? input.slug, platform: input.platform ?? null }));
      const team = await ensureTeam(org);
      await store.teams.addProject(team.id, project.id);
      // A new project starts with one issue alert rule that e-mails its team (alert/rules/default-rule.ts).
      if (!existing) await createDefaultIssueRule(store, project.id, team.id);
      const keys = await store.clientKeys.list(project.id);
      const key = keys.find((k) => k.enabled) ?? (await store.clientKeys.create(project.id, 'Default'));
      return { project, key, created: !existing };
    },
  };
}

export type Provisioning = ReturnType<typeof createProvisioning>;
