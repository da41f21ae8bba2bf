import { Navigate, useParams } from 'react-router';
import { LogsView } from '../features/logs/logs-view.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { useCurrentProject } from '../features/shell/workspace.js';
import { EmptyState, ErrorState, Loading } from '../ui/states.js';
import '../styles/logs.css';

export default function LogsPage() {
  const { org = '' } = useParams();
  const { projects, project, wanted } = useCurrentProject(org);
  usePublishProject(org, project?.id);
  if (projects.error) return <ErrorState error={projects.error} onRetry={projects.reload} />;
  if (!projects.data) return <Loading />;
  if (!project) {
    if (wanted) return <Navigate to={`/organizations/${org}/logs/`} replace />;
    return (
      <EmptyState title="No projects yet">
        <p>
          Create one with <code>npx faultline project create {org}/my-app --platform node</code>.
        </p>
      </EmptyState>
    );
  }
  return <LogsView key={project.id} org={org} project={project} />;
}
