import { fail } from '../kernel/index.js';
import type { Organization } from '../organizations/index.js';
import type { Store } from '../store/index.js';
import type { CommitInput, RefInput } from './release-input.js';
import type { NewCommit } from './store/release-commits.js';
import type { Release } from './store/releases.js';

/**
 * `set-commits`: refs name a repository that must exist (sentry-cli checks the repos list
 * first; `--commit REPO@SHA`); without a provider integration the head commit is all that is
 * known. Explicit commits (`--auto`, `--local`) may name repositories not configured yet:
 * Sentry creates those, and so do we.
 */
export async function setReleaseCommits(
  store: Store,
  org: Organization,
  release: Release,
  input: { refs?: RefInput[]; commits?: CommitInput[] },
): Promise<void> {
  const repos = new Map((await store.releases.commits.repositories(org.id)).map((r) => [r.name, r]));
  let commits: NewCommit[];
  if (input.commits) {
    commits = [];
    for (const c of input.commits) {
      // Sentry's fallback name for commits that do not say where they come from.
      const name = c.repository ?? `organization-${org.id}`;
      let repo = repos.get(name);
      if (!repo) {
        repo = (await store.releases.commits.createRepository(org.id, { name, url: null, provider: null })).repository;
        repos.set(name, repo);
      }
      commits.push({ repositoryId: repo.id, key: c.id, message: c.message, authorName: c.authorName, authorEmail: c.authorEmail, dateAdded: c.timestamp });
    }
  } else if (input.refs) {
    const unknown = input.refs.filter((r) => !repos.has(r.repository)).map((r) => r.repository);
    if (unknown.length > 0) fail('validation_failed', `Invalid repository names: ${[...new Set(unknown)].join(', ')}`);
    commits = input.refs.map((r) => ({ repositoryId: (repos.get(r.repository) as { id: number }).id, key: r.commit }));
  } else {
    return;
  }
  await store.releases.commits.setReleaseCommits(org.id, release.id, commits);
}
