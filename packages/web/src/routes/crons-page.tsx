import { CronsView } from '../features/crons/crons-view.js';
import { ProjectPage } from './project-page.js';
import '../styles/crons.css';

export default function CronsPage() {
  return <ProjectPage section="crons" View={CronsView} />;
}
