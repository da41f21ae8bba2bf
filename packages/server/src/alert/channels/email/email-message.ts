import { formatTime, type Notification, notificationFacts, statusTag } from '../notification.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Subject, plain text and HTML of an alert e-mail; both bodies carry the same facts and links. */
export function emailMessage(n: Notification): { subject: string; text: string; html: string } {
  const subject = `${statusTag(n)} ${n.title}`.replace(/[\r\n]+/g, ' ').slice(0, 250);
  const facts = notificationFacts(n);
  const links = [
    { text: n.link.text, url: n.link.url },
    ...(n.rule.runbookUrl ? [{ text: 'Runbook', url: n.rule.runbookUrl }] : []),
    { text: 'Alert rule', url: n.rule.url },
  ];

  const text = [
    subject,
    '',
    n.reason,
    ...(n.issue?.culprit ? [n.issue.culprit] : []),
    '',
    ...facts.map((f) => `${f.label}: ${f.value}`),
    ...(n.rule.triageNotes ? ['', 'Triage notes:', n.rule.triageNotes] : []),
    '',
    ...links.map((l) => `${l.text}: ${l.url}`),
    '',
    `Rule "${n.rule.name}" fired ${formatTime(n.firedAt)}.`,
  ].join('\n');

  const colour = n.status === 'resolved' ? '#2ba84a' : n.severity === 'warning' ? '#f5a623' : n.severity === 'info' ? '#4a90d9' : '#d0021b';
  const html = `<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1d1c1d">
<h2 style="border-left:4px solid ${colour};padding-left:8px">${escapeHtml(subject)}</h2>
<p>${escapeHtml(n.reason)}</p>${n.issue?.culprit ? `\n<p><code>${escapeHtml(n.issue.culprit)}</code></p>` : ''}
<table cellpadding="4" style="border-collapse:collapse">
${facts.map((f) => `<tr><th align="left" style="color:#616061">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`).join('\n')}
</table>${n.rule.triageNotes ? `\n<h3>Triage notes</h3>\n<p style="white-space:pre-wrap">${escapeHtml(n.rule.triageNotes)}</p>` : ''}
<p>${links.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a>`).join(' · ')}</p>
<p style="color:#616061;font-size:12px">Rule “${escapeHtml(n.rule.name)}” fired ${escapeHtml(formatTime(n.firedAt))}.</p>
</body></html>`;
  return { subject, text, html };
}
