import { LogsView } from '../features/logs/logs-view.js';
import { ProjectPage } from './project-page.js';
import '../styles/logs.css';

export default function LogsPage() {
  return <ProjectPage section="logs" View={LogsView} />;
}
