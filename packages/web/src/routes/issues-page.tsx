import { Navigate, useParams, useSearchParams } from 'react-router';
import { IssuesView } from '../features/issues/issues-view.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { useCurrentProject } from '../features/shell/workspace.js';
import { EmptyState, ErrorState, Loading } from '../ui/states.js';

export default function IssuesPage() {
  const { org = '' } = useParams();
  const { projects, project, wanted } = useCurrentProject(org);
  const [search] = useSearchParams();
  usePublishProject(org, project?.id);
  if (projects.error) return <ErrorState error={projects.error} onRetry={projects.reload} />;
  if (!projects.data) return <Loading />;
  if (!project) {
    if (wanted) return <Navigate to={`/organizations/${org}/issues/`} replace />;
    return (
      <EmptyState title="No projects yet">
        <p>
          Create one with <code>npx faultline project create {org}/my-app --platform node</code>.
        </p>
      </EmptyState>
    );
  }
  if (wanted === null) {
    // Put the project in the URL, so the address bar can be shared as is.
    const next = new URLSearchParams(search);
    next.set('project', project.id);
    return <Navigate to={`/organizations/${org}/issues/?${next.toString()}`} replace />;
  }
  return <IssuesView key={project.id} org={org} project={project} />;
}
