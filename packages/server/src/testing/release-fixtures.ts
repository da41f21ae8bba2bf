// Organizations, projects and issues written straight to a test store, for the store-level
// suites of releases, artifacts and symbolication.
import type { Organization, Project } from '../organizations/index.js';
import type { Store } from '../store/index.js';

export async function orgWithProjects(store: Store, slug: string, projects: string[]): Promise<{ org: Organization; projects: Project[] }> {
  const org = await store.organizations.create({ slug, name: slug });
  const out: Project[] = [];
  for (const p of projects) out.push(await store.projects.create({ orgId: org.id, slug: p, name: p, platform: 'javascript' }));
  return { org, projects: out };
}

let shortIds = 0;

/** An issue row as the pipeline would have left it. */
export async function insertIssue(
  store: Store,
  input: { projectId: number; firstRelease?: string | null; status?: string; resolution?: string | null; resolvedInRelease?: string | null },
): Promise<number> {
  const now = Date.now();
  const row = await store.db
    .insertInto('issues')
    .values({
      project_id: input.projectId,
      short_id: ++shortIds,
      type: 'error',
      title: 'TypeError: x',
      culprit: '',
      level: 'error',
      platform: 'javascript',
      metadata: '{}',
      grouping_mechanism: 'test',
      status: input.status ?? 'unresolved',
      substatus: null,
      resolution: input.resolution ?? null,
      resolved_in_release: input.resolvedInRelease ?? null,
      resolved_at: input.status === 'resolved' ? now : null,
      ignore_until: null,
      ignore_count: null,
      ignore_window_ms: null,
      ignore_user_count: null,
      ignore_user_window_ms: null,
      ignore_baseline_times_seen: null,
      ignore_baseline_users: null,
      regressed_at: null,
      regressed_in_release: null,
      first_seen: now,
      last_seen: now,
      first_release: input.firstRelease ?? null,
      last_release: input.firstRelease ?? null,
      times_seen: 1,
      user_count: 0,
      last_event_id: null,
      assignee_user_id: null,
      assignee_team_id: null,
      merged_into_id: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addHourly(store: Store, issueId: number, release: string, count: number, hour = 0): Promise<void> {
  await store.db.insertInto('issue_hourly').values({ issue_id: issueId, hour, environment: '', release, count }).execute();
}
