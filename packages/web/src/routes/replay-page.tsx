import { useParams } from 'react-router';
import { ReplayView } from '../features/replays/replay-view.js';
import '../styles/replays.css';

export default function ReplayPage() {
  const { org = '', replayId = '' } = useParams();
  return <ReplayView key={replayId} org={org} replayId={replayId} />;
}
