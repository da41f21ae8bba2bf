import { useParams, useSearchParams } from 'react-router';
import { useResource } from '../api/index.js';
import { ReleaseHealth } from '../features/releases/health/release-health.js';
import { ReleaseChart } from '../features/releases/release-chart.js';
import { ReleaseCommits } from '../features/releases/release-commits.js';
import { ReleaseDeploys } from '../features/releases/release-deploys.js';
import { ReleaseHeader, ReleaseHeaderSkeleton } from '../features/releases/release-header.js';
import { ReleaseNewIssues } from '../features/releases/release-new-issues.js';
import type { Release } from '../features/releases/release-types.js';
import { versionSegment } from '../features/releases/version.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { ErrorState } from '../ui/states.js';

export default function ReleasePage() {
  const { org = '', version = '' } = useParams();
  const path = `organizations/${org}/releases/${versionSegment(version)}/`;
  const release = useResource<Release>(path);
  // The health of the project in the URL (the list links from a project), else the release's first.
  const wanted = useSearchParams()[0].get('project');
  const project = release.data?.projects.find((p) => String(p.id) === wanted) ?? release.data?.projects[0];
  usePublishProject(org, project ? String(project.id) : undefined);
  if (release.error)
    return (
      <ErrorState error={release.error} onRetry={release.reload} title={release.error.status === 404 ? 'Release not found' : 'Could not load the release'} />
    );
  if (!release.data) return <ReleaseHeaderSkeleton />;
  return (
    <div className="release-page">
      <ReleaseHeader org={org} release={release.data} />
      <div className="release-layout">
        <div className="release-main-col">
          {project && <ReleaseHealth org={org} release={release.data} project={project} />}
          <ReleaseChart path={path} />
          <ReleaseNewIssues org={org} release={release.data} />
        </div>
        <aside className="release-sidebar" aria-label="Deploys and commits">
          <ReleaseDeploys path={path} />
          <ReleaseCommits path={path} />
        </aside>
      </div>
    </div>
  );
}
