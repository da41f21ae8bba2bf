import { useParams } from 'react-router';
import { AcceptInvite } from '../features/auth/accept-invite.js';

/** `/accept-invite/:id/:token/`: open to people without an account (the link is the credential). */
export default function AcceptInvitePage() {
  const { id = '', token = '' } = useParams();
  return (
    <main className="signin-page" id="main">
      <AcceptInvite id={id} token={token} />
    </main>
  );
}
