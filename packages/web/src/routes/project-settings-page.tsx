import { type ReactNode, Suspense } from 'react';
import { useParams } from 'react-router';
import { type Project, useResource } from '../api/index.js';
import { ClientKeys } from '../features/settings/client-keys.js';
import { ProjectSettingsSection, SECTIONS } from '../features/settings/project-sections.js';
import { ProjectSetup } from '../features/settings/project-setup.js';
import { SettingsNav } from '../features/settings/settings-nav.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { ErrorState, Loading } from '../ui/states.js';
import NotFoundPage from './not-found-page.js';

export default function ProjectSettingsPage() {
  const { org = '', project: slug = '', section = '' } = useParams();
  const project = useResource<Project>(`projects/${org}/${slug}/`);
  usePublishProject(org, project.data?.id);
  if (project.error) return <ErrorState error={project.error} onRetry={project.reload} title="Project not available" />;
  let body: ReactNode;
  if (section === '') body = <ClientKeys org={org} project={slug} />;
  else if (section === 'setup') body = <ProjectSetup org={org} project={slug} platform={project.data?.platform} />;
  else if (SECTIONS.some(([s]) => s === section)) body = <ProjectSettingsSection org={org} project={slug} section={section} />;
  else return <NotFoundPage />;
  return (
    <div className="settings">
      <SettingsNav title={`Project: ${slug}`} base={`/settings/${org}/projects/${slug}/`} items={SECTIONS} />
      <Suspense fallback={<Loading />}>{body}</Suspense>
    </div>
  );
}
