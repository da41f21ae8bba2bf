import { FeedbackInbox } from '../features/feedback/feedback-inbox.js';
import { ProjectPage } from './project-page.js';
import '../styles/feedback.css';

export default function FeedbackPage() {
  return <ProjectPage section="feedback" View={FeedbackInbox} createHint={false} />;
}
