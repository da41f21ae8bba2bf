import { useParams } from 'react-router';
import { TraceView } from '../features/performance/trace/trace-view.js';

export default function TracePage() {
  const { org = '', traceId = '' } = useParams();
  return <TraceView key={traceId} org={org} traceId={traceId} />;
}
