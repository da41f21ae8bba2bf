import { Navigate, useParams } from 'react-router';
import { FeedbackInbox } from '../features/feedback/feedback-inbox.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { useCurrentProject } from '../features/shell/workspace.js';
import { EmptyState, ErrorState, Loading } from '../ui/states.js';
import '../styles/feedback.css';

export default function FeedbackPage() {
  const { org = '' } = useParams();
  const { projects, project, wanted } = useCurrentProject(org);
  usePublishProject(org, project?.id);
  if (projects.error) return <ErrorState error={projects.error} onRetry={projects.reload} />;
  if (!projects.data) return <Loading />;
  if (!project) {
    if (wanted) return <Navigate to={`/organizations/${org}/feedback/`} replace />;
    return <EmptyState title="No projects yet" />;
  }
  return <FeedbackInbox key={project.id} org={org} project={project} />;
}
