import type { ComponentType } from 'react';
import { Navigate, useParams } from 'react-router';
import type { Project } from '../api/index.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { useCurrentProject } from '../features/shell/workspace.js';
import { EmptyState, ErrorState, Loading } from '../ui/states.js';

/**
 * A page about one project of the organization (`?project=`, else the first one): it tells the
 * shell which project is shown, waits for the project list, sends an unknown `?project=` back to
 * the section's own address, says how to create a project when there is none, and otherwise
 * renders the section's view, fresh for each project.
 */
export function ProjectPage({
  section,
  View,
  createHint = true,
}: {
  /** the address segment: `/organizations/{org}/{section}/` */
  section: string;
  View: ComponentType<{ org: string; project: Project }>;
  /** whether the empty state shows the command that creates a project */
  createHint?: boolean;
}) {
  const { org = '' } = useParams();
  const { projects, project, wanted } = useCurrentProject(org);
  usePublishProject(org, project?.id);
  if (projects.error) return <ErrorState error={projects.error} onRetry={projects.reload} />;
  if (!projects.data) return <Loading />;
  if (!project) {
    if (wanted) return <Navigate to={`/organizations/${org}/${section}/`} replace />;
    return createHint ? (
      <EmptyState title="No projects yet">
        <p>
          Create one with <code>npx faultline project create {org}/my-app --platform node</code>.
        </p>
      </EmptyState>
    ) : (
      <EmptyState title="No projects yet" />
    );
  }
  return <View key={project.id} org={org} project={project} />;
}
