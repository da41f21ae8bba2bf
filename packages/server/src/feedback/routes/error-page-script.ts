/**
 * The crash-report dialog's JavaScript (Sentry's `/api/embed/error-page/`, loaded by the browser
 * SDK's `showReportDialog`: https://docs.sentry.io/platforms/javascript/user-feedback/#crash-report-modal).
 * It builds a modal form with DOM calls only: every text (the labels the page chose, the
 * prefilled name and e-mail, server messages) is set as `textContent` or an input's `value`,
 * never parsed as HTML. The options travel as one JSON literal with `<`, `>`, `&` and the JS
 * line separators escaped, so no text can end the script or the literal.
 */
export const DIALOG_TEXTS = {
  title: "It looks like we're having issues.",
  subtitle: 'Our team has been notified.',
  subtitle2: "If you'd like to help, tell us what happened below.",
  labelName: 'Name',
  labelEmail: 'Email',
  labelComments: 'What happened?',
  labelClose: 'Close',
  labelSubmit: 'Submit Crash Report',
  errorGeneric: 'An unknown error occurred while submitting your report. Please try again.',
  errorFormEntry: 'Some fields were invalid. Please correct the errors and try again.',
  successMessage: 'Your feedback has been sent. Thank you!',
} as const;

export type DialogTexts = { -readonly [K in keyof typeof DIALOG_TEXTS]: string };

export interface DialogOptions {
  readonly texts: DialogTexts;
  readonly name: string;
  readonly email: string;
  /** where the form posts: this endpoint with the same query string */
  readonly endpoint: string;
}

/** JSON that is safe inside a `<script>` and a JS string context. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function errorPageScript(o: DialogOptions): string {
  return `(function () {
  var o = ${scriptSafeJson(o)};
  var t = o.texts;
  var d = document;
  function el(tag, attrs, text) {
    var e = d.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }
  var old = d.querySelector('.sentry-error-embed-wrapper');
  if (old && old.parentNode) old.parentNode.removeChild(old);
  var wrapper = el('div', { 'class': 'sentry-error-embed-wrapper', style: 'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.6);display:flex;align-items:center;justify-content:center;font:14px system-ui,sans-serif' });
  var box = el('div', { 'class': 'sentry-error-embed', role: 'dialog', 'aria-modal': 'true', style: 'background:#fff;color:#222;max-width:560px;width:90%;padding:24px;border-radius:6px;box-shadow:0 8px 32px rgba(0,0,0,.3)' });
  box.appendChild(el('h2', { style: 'margin:0 0 8px' }, t.title));
  box.appendChild(el('p', { 'class': 'subtitle' }, t.subtitle));
  if (t.subtitle2) box.appendChild(el('p', { 'class': 'subtitle2' }, t.subtitle2));
  var form = el('form', { id: 'sentry-error-embed-form' });
  function field(id, label, input) {
    var row = el('div', { style: 'margin:8px 0' });
    var l = el('label', { 'for': id, style: 'display:block;font-weight:600' }, label);
    input.id = id;
    input.style.width = '100%';
    input.style.boxSizing = 'border-box';
    row.appendChild(l);
    row.appendChild(input);
    var err = el('div', { 'class': 'form-errors', 'data-field': input.name, style: 'color:#c00' });
    row.appendChild(err);
    form.appendChild(row);
    return input;
  }
  var name = field('id_name', t.labelName, el('input', { type: 'text', name: 'name', maxlength: '128', required: 'required' }));
  name.value = o.name;
  var email = field('id_email', t.labelEmail, el('input', { type: 'email', name: 'email', maxlength: '75', required: 'required' }));
  email.value = o.email;
  var comments = field('id_comments', t.labelComments, el('textarea', { name: 'comments', rows: '5', required: 'required' }));
  var message = el('p', { 'class': 'message-error', role: 'alert', style: 'color:#c00' });
  form.appendChild(message);
  var actions = el('div', { style: 'display:flex;gap:8px;justify-content:flex-end' });
  var close = el('button', { type: 'button', 'class': 'close' }, t.labelClose);
  var submit = el('button', { type: 'submit', 'class': 'btn' }, t.labelSubmit);
  actions.appendChild(close);
  actions.appendChild(submit);
  form.appendChild(actions);
  box.appendChild(form);
  wrapper.appendChild(box);
  function done() {
    if (wrapper.parentNode) wrapper.parentNode.removeChild(wrapper);
    window.postMessage('__sentry_reportdialog_closed__', '*');
  }
  close.addEventListener('click', done);
  wrapper.addEventListener('click', function (e) { if (e.target === wrapper) done(); });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    submit.disabled = true;
    message.textContent = '';
    var errs = form.querySelectorAll('.form-errors');
    for (var i = 0; i < errs.length; i++) errs[i].textContent = '';
    var body = new URLSearchParams();
    body.set('name', name.value);
    body.set('email', email.value);
    body.set('comments', comments.value);
    fetch(o.endpoint, { method: 'POST', body: body, headers: { Accept: 'application/json' }, credentials: 'omit' })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }, function () { return { ok: r.ok, body: {} }; }); })
      .then(function (res) {
        submit.disabled = false;
        if (res.ok) {
          form.style.display = 'none';
          var ok = el('p', { 'class': 'message-success' }, t.successMessage);
          box.appendChild(ok);
          var again = el('button', { type: 'button', 'class': 'close' }, t.labelClose);
          again.addEventListener('click', done);
          box.appendChild(again);
          return;
        }
        var errors = (res.body && res.body.errors) || {};
        var any = false;
        for (var key in errors) {
          if (!Object.prototype.hasOwnProperty.call(errors, key)) continue;
          var target = form.querySelector('.form-errors[data-field="' + (key === 'name' || key === 'email' || key === 'comments' ? key : '') + '"]');
          var text = [].concat(errors[key]).join(' ');
          if (target) { target.textContent = text; any = true; } else message.textContent = text;
        }
        if (!message.textContent) message.textContent = any ? t.errorFormEntry : t.errorGeneric;
      }, function () {
        submit.disabled = false;
        message.textContent = t.errorGeneric;
      });
  });
  (d.body || d.documentElement).appendChild(wrapper);
})();
`;
}
