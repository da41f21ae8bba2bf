import { ReplayListView } from '../features/replays/replay-list.js';
import { ProjectPage } from './project-page.js';
import '../styles/replays.css';

export default function ReplaysPage() {
  return <ProjectPage section="replays" View={ReplayListView} createHint={false} />;
}
