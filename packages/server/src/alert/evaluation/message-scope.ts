import type { Store } from '../../store/index.js';
import type { MessageScope } from './build-notification.js';
import type { ReleaseLookup } from './release-lookup.js';

/** The organization and project a message is about, read when a rule fires (rare), never cached. */
export async function messageScope(store: Store, publicUrl: string, releases: ReleaseLookup, projectId: number): Promise<MessageScope | undefined> {
  const project = await store.projects.byId(projectId);
  if (!project) return undefined;
  const org = await store.organizations.byId(project.orgId);
  if (!org) return undefined;
  return { publicUrl, releases, org: { id: org.id, slug: org.slug }, project: { id: project.id, slug: project.slug, name: project.name } };
}
