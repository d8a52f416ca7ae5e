/** A real SMTP server on loopback that keeps what it receives, parsed, for tests to read. */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface TestSmtp {
  url: string;
  received: ParsedMail[];
  /** While set, the server refuses every message, as a failing relay would. */
  failing: boolean;
  /** Addresses the server refuses (550), as a relay refuses one mailbox and takes the rest. */
  refused: Set<string>;
  /** While set, the server takes a message and never answers, as a relay that hangs. */
  stalled: boolean;
  /** Every recipient the server was offered (RCPT TO), refused or taken, with the time (ms). */
  recipientAttempts: { address: string; at: number }[];
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    received: [],
    failing: false,
    stalled: false,
    refused: new Set(),
    recipientAttempts: [],
    async waitFor(predicate, timeoutMs = 20_000) {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
        const mail = state.received.find(predicate);
        if (mail) return mail;
      }
      throw new Error(`no mail matched within ${timeoutMs} ms; received: ${state.received.map((m) => `${m.to ? JSON.stringify(m.to) : ''} ${m.subject}`).join(' | ')}`);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      state.recipientAttempts.push({ address: address.address, at: Date.now() });
      callback(state.refused.has(address.address) ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, _session, callback) {
      if (state.stalled) {
        stream.resume();
        return;
      }
      if (state.failing) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('relay unavailable'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          state.received.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}

export function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => v.address ?? ''));
}
