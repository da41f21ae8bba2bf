import { useParams } from 'react-router';
import { MonitorView } from '../features/crons/monitor-view.js';
import '../styles/crons.css';

export default function MonitorPage() {
  const { org = '', slug = '' } = useParams();
  return <MonitorView key={slug} org={org} slug={slug} />;
}
