import { PerformanceView } from '../features/performance/performance-view.js';
import { ProjectPage } from './project-page.js';

export default function PerformancePage() {
  return <ProjectPage section="performance" View={PerformanceView} />;
}
