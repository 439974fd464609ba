import { isIP, connect as netConnect, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';

/*
 * A minimal SMTP client (RFC 5321) over node:net/tls: EHLO (HELO fallback), STARTTLS (RFC 3207), AUTH PLAIN
 * (RFC 4616), MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. One connection per message: the outbox sends a few
 * messages a minute, not thousands. nodemailer would do, but its licence (MIT-0) is not on test/licences.test.ts's
 * list.
 */

export type SmtpOptions = {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (smtps://, usually port 465). */
  secure: boolean;
  /** Upgrade a plain connection with STARTTLS: when the server offers it, always (fail if not offered), or never. */
  starttls: 'auto' | 'required' | 'never';
  auth?: { user: string; pass: string } | undefined;
  /** Extra TLS options (a private CA in tests). Certificates are always verified. */
  tls?: ConnectionOptions | undefined;
  /** The name sent with EHLO. */
  clientName: string;
  /** Longest wait for any one server reply, and for the connection. */
  timeoutMs: number;
};

export class SmtpError extends Error {
  constructor(
    message: string,
    /** The server's reply code, or undefined when the connection failed or timed out. */
    readonly code?: number,
  ) {
    super(message);
    this.name = 'SmtpError';
  }
}

/**
 * SMTP_URL → options: smtp://[user:pass@]host[:port][?starttls=auto|required|never] (port 587 by default) or
 * smtps://[user:pass@]host[:port] (implicit TLS, port 465 by default). User and password are URL-decoded.
 */
export function smtpOptionsFromUrl(url: string, overrides: Partial<SmtpOptions> = {}): SmtpOptions {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  const starttls = u.searchParams.get('starttls') ?? 'auto';
  if (starttls !== 'auto' && starttls !== 'required' && starttls !== 'never') {
    throw new Error('SMTP_URL: starttls must be auto, required or never');
  }
  const auth = u.username
    ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
    : undefined;
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    starttls,
    auth,
    clientName: hostname() || 'localhost',
    timeoutMs: 30_000,
    ...overrides,
  };
}

export type Envelope = { from: string; to: readonly string[] };

type Reply = { code: number; lines: string[] };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

/** SNI takes a host name only (RFC 6066); the certificate is still checked against an IP address. */
const serverName = (host: string) => (isIP(host) ? { host } : { host, servername: host });

/** Doubles a dot that starts a line (RFC 5321 §4.5.2) and makes sure the data ends with CRLF. */
export function dotStuff(data: string): string {
  const stuffed = data.replace(/(^|\r\n)\./g, '$1..');
  return stuffed.endsWith('\r\n') ? stuffed : `${stuffed}\r\n`;
}

/** Sends one message; resolves with the server's final reply to DATA (e.g. "250 2.0.0 Ok: queued as …"). */
export async function sendMail(opts: SmtpOptions, envelope: Envelope, data: string): Promise<string> {
  for (const address of [envelope.from, ...envelope.to]) {
    if (/[\s<>]/.test(address) || address === '') {
      throw new SmtpError(`invalid envelope address: ${JSON.stringify(address)}`);
    }
  }
  const conn = await SmtpConnection.open(opts);
  try {
    await conn.expect(220, 'greeting');
    let features = await conn.hello();
    if (!opts.secure && opts.starttls !== 'never') {
      const offered = features.has('STARTTLS');
      if (opts.starttls === 'required' && !offered) {
        throw new SmtpError('the server does not offer STARTTLS (starttls=required)');
      }
      if (offered) {
        await conn.command('STARTTLS', 220);
        await conn.upgrade();
        features = await conn.hello();
      }
    }
    if (opts.auth) {
      if (!conn.encrypted && !LOOPBACK.has(opts.host)) {
        throw new SmtpError('refusing to send the SMTP password over a connection without TLS');
      }
      const mechanisms = (features.get('AUTH') ?? '').toUpperCase().split(/\s+/);
      if (!mechanisms.includes('PLAIN')) {
        throw new SmtpError('the server does not offer AUTH PLAIN');
      }
      const token = Buffer.from(`\0${opts.auth.user}\0${opts.auth.pass}`).toString('base64');
      await conn.command(`AUTH PLAIN ${token}`, 235, 'AUTH PLAIN');
    }
    await conn.command(`MAIL FROM:<${envelope.from}>`, 250);
    for (const to of envelope.to) {
      await conn.command(`RCPT TO:<${to}>`, [250, 251]);
    }
    await conn.command('DATA', 354);
    const accepted = await conn.command(`${dotStuff(data)}.`, 250, 'end of DATA');
    await conn.quit();
    return accepted;
  } finally {
    conn.close();
  }
}

/** One SMTP connection: writes commands and reads (multi-line) replies. */
class SmtpConnection {
  private buffer = '';
  private partial: string[] = [];
  private readonly replies: Reply[] = [];
  private waiter: { resolve: (r: Reply) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  private constructor(
    private socket: Socket | TLSSocket,
    private readonly opts: SmtpOptions,
  ) {
    this.attach(socket);
  }

  static open(opts: SmtpOptions): Promise<SmtpConnection> {
    return new Promise((resolve, reject) => {
      const socket = opts.secure
        ? tlsConnect({ port: opts.port, ...serverName(opts.host), ...opts.tls })
        : netConnect({ host: opts.host, port: opts.port });
      const fail = (err: Error) => {
        socket.destroy();
        reject(new SmtpError(`cannot connect to ${opts.host}:${opts.port}: ${err.message}`));
      };
      socket.setTimeout(opts.timeoutMs, () => fail(new Error('timed out')));
      socket.once('error', fail);
      socket.once(opts.secure ? 'secureConnect' : 'connect', () => {
        socket.off('error', fail);
        socket.removeAllListeners('timeout');
        resolve(new SmtpConnection(socket, opts));
      });
    });
  }

  get encrypted(): boolean {
    return 'encrypted' in this.socket && this.socket.encrypted;
  }

  private attach(socket: Socket | TLSSocket): void {
    socket.setTimeout(this.opts.timeoutMs, () => {
      this.fail(new SmtpError(`no reply from ${this.opts.host} within ${this.opts.timeoutMs} ms`));
    });
    // Replies are ASCII; latin1 never breaks on a chunk boundary.
    socket.on('data', (chunk: Buffer) => this.onData(chunk.toString('latin1')));
    socket.on('error', (err: Error) => this.fail(new SmtpError(`connection error: ${err.message}`)));
    socket.on('close', () => this.fail(new SmtpError('the server closed the connection')));
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let eol: number;
    while ((eol = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, eol).replace(/\r$/, '');
      this.buffer = this.buffer.slice(eol + 1);
      const m = /^(\d{3})([ -]?)(.*)$/.exec(line);
      if (!m) {
        this.fail(new SmtpError(`unreadable reply: ${line.slice(0, 200)}`));
        return;
      }
      this.partial.push(m[3] ?? '');
      if (m[2] !== '-') {
        this.push({ code: Number(m[1]), lines: this.partial });
        this.partial = [];
      }
    }
  }

  private push(reply: Reply): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve(reply);
    } else {
      this.replies.push(reply);
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w.reject(this.failure);
    }
    this.socket.destroy();
  }

  private read(): Promise<Reply> {
    const next = this.replies.shift();
    if (next) {
      return Promise.resolve(next);
    }
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  async expect(codes: number | readonly number[], what: string): Promise<string> {
    const reply = await this.read();
    const ok = typeof codes === 'number' ? [codes] : codes;
    const text = `${reply.code} ${reply.lines.join(' ')}`;
    if (!ok.includes(reply.code)) {
      throw new SmtpError(`${what}: ${text}`, reply.code);
    }
    return text;
  }

  async command(
    line: string,
    codes: number | readonly number[],
    what = line.split(' ')[0] ?? line,
  ): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.expect(codes, what);
  }

  /** EHLO (HELO if the server does not know EHLO); returns the extensions offered, keyword → parameters. */
  async hello(): Promise<Map<string, string>> {
    this.socket.write(`EHLO ${this.opts.clientName}\r\n`);
    const reply = await this.read();
    if (reply.code !== 250) {
      await this.command(`HELO ${this.opts.clientName}`, 250);
      return new Map();
    }
    const features = new Map<string, string>();
    for (const line of reply.lines.slice(1)) {
      const [keyword = '', ...rest] = line.trim().split(/\s+/);
      features.set(keyword.toUpperCase(), rest.join(' '));
    }
    return features;
  }

  /** Wraps the connection in TLS after a 220 reply to STARTTLS; the server forgets the EHLO, so say it again. */
  upgrade(): Promise<void> {
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('error');
    plain.removeAllListeners('close');
    plain.on('error', () => undefined); // the TLS socket reports it
    plain.setTimeout(0);
    return new Promise((resolve, reject) => {
      const secure = tlsConnect({ socket: plain, ...serverName(this.opts.host), ...this.opts.tls });
      const fail = (err: Error) => {
        secure.destroy();
        reject(new SmtpError(`STARTTLS failed: ${err.message}`));
      };
      secure.once('error', fail);
      secure.once('secureConnect', () => {
        secure.off('error', fail);
        this.socket = secure;
        this.attach(secure);
        resolve();
      });
    });
  }

  /** QUIT politely; the message is already accepted, so a server that hangs up first is no error. */
  async quit(): Promise<void> {
    try {
      await this.command('QUIT', 221);
    } catch {
      // accepted already
    }
  }

  close(): void {
    this.failure ??= new SmtpError('closed');
    this.socket.removeAllListeners('close');
    this.socket.destroy();
  }
}
