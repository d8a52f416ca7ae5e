/** The mail relay the outbox delivers through; none when SMTP_URL is unset (messages stay NOT_SENT). */
import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Each message gets a connection of its own, with bounded waits: a relay that stops answering costs
 * one message some seconds and its next attempt, not the delivery (and the messages sent with it)
 * its whole start-to-close timeout.
 */
export function createMailer(smtpUrl: string | undefined): Transporter | undefined {
  return smtpUrl ? nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : undefined;
}
