/** The mail relay the outbox delivers through; none when SMTP_URL is unset (messages stay NOT_SENT). */
import nodemailer, { type Transporter } from 'nodemailer';

export function createMailer(smtpUrl: string | undefined): Transporter | undefined {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
}
