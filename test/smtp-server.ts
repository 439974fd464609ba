import { fork, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Refusal, ServerOptions, ToChild, ToParent } from './smtp-server.process.js';

export type ReceivedMail = {
  from: string;
  to: string[];
  /** The authenticated user, if the client signed in. */
  user: string | null;
  /** Whether the session was encrypted (STARTTLS). */
  secure: boolean;
  raw: Buffer;
};

export type SmtpTestServer = {
  port: number;
  received: ReceivedMail[];
  /** Refuse every MAIL FROM / RCPT TO with this reply from now on (null: accept again). */
  refuse(r: Refusal | null): Promise<void>;
  /** Resolves when at least n messages have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Starts a real SMTP server (the smtp-server package) in a child process on 127.0.0.1 and records what it receives.
 * It lies outside congxa as a real mail relay would: the client talks to it over TCP.
 */
export async function startSmtpServer(options: ServerOptions = {}): Promise<SmtpTestServer> {
  const child: ChildProcess = fork(
    new URL('./smtp-server.process.ts', import.meta.url).pathname,
    [JSON.stringify(options)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const received: ReceivedMail[] = [];
  let waiting: (() => void) | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`test SMTP server exited with ${code}`)));
    child.on('message', (m: ToParent) => {
      if (m.type === 'listening') {
        resolve(m.port);
      } else {
        received.push({
          from: m.from,
          to: m.to,
          user: m.user,
          secure: m.secure,
          raw: Buffer.from(m.raw, 'base64'),
        });
        waiting?.();
      }
    });
  });
  child.removeAllListeners('exit');
  return {
    port,
    received,
    refuse: (refuse) =>
      new Promise<void>((resolve, reject) => {
        child.send({ type: 'refuse', refuse } satisfies ToChild, (err) => (err ? reject(err) : resolve()));
      }),
    async waitFor(n, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) {
          throw new Error(`expected ${n} messages, got ${received.length}`);
        }
        await new Promise<void>((resolve) => {
          waiting = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Parses a received message with mailparser: an independent MIME decoder, not congxa's own. */
export function parseMail(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw);
}

/** A throw-away self-signed certificate for 127.0.0.1 and localhost, made with the openssl command. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'congxa-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
