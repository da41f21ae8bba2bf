import { Navigate, useParams } from 'react-router';
import { ReplayListView } from '../features/replays/replay-list.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { useCurrentProject } from '../features/shell/workspace.js';
import { EmptyState, ErrorState, Loading } from '../ui/states.js';
import '../styles/replays.css';

export default function ReplaysPage() {
  const { org = '' } = useParams();
  const { projects, project, wanted } = useCurrentProject(org);
  usePublishProject(org, project?.id);
  if (projects.error) return <ErrorState error={projects.error} onRetry={projects.reload} />;
  if (!projects.data) return <Loading />;
  if (!project) {
    if (wanted) return <Navigate to={`/organizations/${org}/replays/`} replace />;
    return <EmptyState title="No projects yet" />;
  }
  return <ReplayListView key={project.id} org={org} project={project} />;
}
