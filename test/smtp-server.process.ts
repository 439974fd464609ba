import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/*
 * A real SMTP server (the smtp-server package) in its own process for the notification tests; see
 * test/smtp-server.ts. Options come as JSON in argv[2]; every message received goes to the parent over IPC,
 * raw bytes in base64. The parent can make the server refuse mail (a 5xx or 4xx reply) while it runs.
 */
export type ServerOptions = {
  port?: number;
  /** Require AUTH PLAIN with these credentials. */
  auth?: { user: string; pass: string };
  /** Offer STARTTLS with this certificate (PEM). */
  tls?: { key: string; cert: string };
  refuse?: Refusal | null;
};
export type Refusal = { code: number; message: string };
export type ToParent =
  | { type: 'listening'; port: number }
  | { type: 'message'; from: string; to: string[]; user: string | null; secure: boolean; raw: string };
export type ToChild = { type: 'refuse'; refuse: Refusal | null };

const options = JSON.parse(process.argv[2] ?? '{}') as ServerOptions;
let refuse = options.refuse ?? null;
const send = (m: ToParent) => process.send?.(m);

const refusal = () => {
  if (!refuse) {
    return null;
  }
  const err = new Error(refuse.message) as Error & { responseCode: number };
  err.responseCode = refuse.code;
  return err;
};

const config: SMTPServerOptions = {
  name: 'smtp.test.congxa',
  banner: 'congxa test server',
  logger: false,
  authMethods: ['PLAIN'],
  authOptional: !options.auth,
  allowInsecureAuth: !options.tls,
  disabledCommands: options.tls ? [] : ['STARTTLS'],
  ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
  onAuth(auth, _session, callback) {
    if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
      callback(null, { user: auth.username });
    } else {
      callback(new Error('Invalid username or password'));
    }
  },
  onMailFrom(_address, _session, callback) {
    callback(refusal());
  },
  onRcptTo(_address, _session, callback) {
    callback(refusal());
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      send({
        type: 'message',
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        user: typeof session.user === 'string' ? session.user : null,
        secure: session.secure,
        raw: Buffer.concat(chunks).toString('base64'),
      });
      callback(null, 'Message queued');
    });
  },
};
const server = new SMTPServer(config);
server.on('error', (err) => console.error('test smtp server:', err.message));
server.listen(options.port ?? 0, '127.0.0.1', () => {
  const address = server.server.address();
  send({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (m: ToChild) => {
  if (m.type === 'refuse') {
    refuse = m.refuse;
  }
});
process.on('disconnect', () => {
  server.close(() => process.exit(0));
});
