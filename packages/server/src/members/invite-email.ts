/** What the members module needs to send mail; app.ts passes the SMTP mailer alert e-mail uses. */
export interface InviteMailer {
  send(message: { to: readonly string[]; subject: string; text: string; html: string; messageId: string; headers: Record<string, string> }): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The invitation e-mail: who invited whom to which organization, the link, and when it expires. */
export function inviteEmail(input: { orgName: string; inviterName: string; role: string; link: string; expiresAt: number }) {
  const subject = `Join ${input.orgName} on Faultline`.replace(/[\r\n]+/g, ' ').slice(0, 200);
  const expires = new Date(input.expiresAt).toISOString().slice(0, 16).replace('T', ' ');
  const text = [
    `${input.inviterName} invited you to the organization "${input.orgName}" on Faultline as ${input.role}.`,
    '',
    `Accept the invitation: ${input.link}`,
    '',
    `The link works once and expires ${expires} UTC.`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif">
<p>${escapeHtml(input.inviterName)} invited you to the organization <strong>${escapeHtml(input.orgName)}</strong> on Faultline as ${escapeHtml(input.role)}.</p>
<p><a href="${escapeHtml(input.link)}">Accept the invitation</a></p>
<p style="color:#616061;font-size:12px">The link works once and expires ${escapeHtml(expires)} UTC.</p>
</body></html>`;
  return { subject, text, html };
}
