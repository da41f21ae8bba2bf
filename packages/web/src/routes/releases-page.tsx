import { ReleasesView } from '../features/releases/releases-view.js';
import { ProjectPage } from './project-page.js';

export default function ReleasesPage() {
  return <ProjectPage section="releases" View={ReleasesView} />;
}
