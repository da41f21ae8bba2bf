import nodemailer from 'nodemailer';
import { DeliveryError } from '../delivery-error.js';

/** SMTP settings from config (FAULTLINE_SMTP_*); host null = e-mail is not set up. */
export interface SmtpSettings {
  host: string | null;
  port: number;
  /** true: TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when offered */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

export interface MailMessage {
  to: readonly string[];
  subject: string;
  text: string;
  html: string;
  /** stable per delivery, so a retried message can be recognised as the same one */
  messageId: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** SMTP reply codes 5xx are permanent (RFC 5321 §4.2.1); 4xx and connection failures are worth retrying. */
function smtpError(err: unknown): DeliveryError {
  const e = err as { responseCode?: number; response?: string; message?: string; code?: string };
  const detail = e.response ?? e.message ?? String(err);
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
  return new DeliveryError(`SMTP ${e.responseCode ?? e.code ?? 'error'}: ${detail}`.slice(0, 500), { permanent, cause: err });
}

export function createSmtpMailer(settings: SmtpSettings, timeoutMs: number): Mailer {
  let transport: ReturnType<typeof nodemailer.createTransport> | null = null;
  return {
    async send(message) {
      if (!settings.host) throw new DeliveryError('e-mail is not configured: set FAULTLINE_SMTP_HOST (and FAULTLINE_SMTP_FROM)');
      transport ??= nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      });
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: [...message.to],
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          headers: message.headers,
        });
        if (info.rejected.length > 0 && info.accepted.length === 0)
          throw new DeliveryError(`SMTP server rejected every recipient: ${info.response}`, { permanent: true });
      } catch (err) {
        throw err instanceof DeliveryError ? err : smtpError(err);
      }
    },
    close() {
      transport?.close();
      transport = null;
    },
  };
}
