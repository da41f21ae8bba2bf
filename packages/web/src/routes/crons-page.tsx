import { Navigate, useParams } from 'react-router';
import { CronsView } from '../features/crons/crons-view.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { useCurrentProject } from '../features/shell/workspace.js';
import { EmptyState, ErrorState, Loading } from '../ui/states.js';
import '../styles/crons.css';

export default function CronsPage() {
  const { org = '' } = useParams();
  const { projects, project, wanted } = useCurrentProject(org);
  usePublishProject(org, project?.id);
  if (projects.error) return <ErrorState error={projects.error} onRetry={projects.reload} />;
  if (!projects.data) return <Loading />;
  if (!project) {
    if (wanted) return <Navigate to={`/organizations/${org}/crons/`} replace />;
    return (
      <EmptyState title="No projects yet">
        <p>
          Create one with <code>npx faultline project create {org}/my-app --platform node</code>.
        </p>
      </EmptyState>
    );
  }
  return <CronsView key={project.id} org={org} project={project} />;
}
