import { z } from 'zod';

/**
 * The only file that reads process.env. Every problem is reported at once; the result is frozen and passed down.
 * Secrets that are not given come from DATA_DIR (see platform/secrets.ts), so the quick start needs no set-up.
 */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^(postgres|postgresql):\/\//,
      'must start with postgres:// (leave it empty for the embedded SQLite)',
    )
    .optional(),
  PUBLIC_URL: z.url('must be an absolute URL such as https://tanhong.example.gov.vn').optional(),
  DEMO_DATA: z.enum(['on', 'off']).optional(),
  // The generated one-stop dossiers of the demo (src/demo/demo-dossiers.ts); off: the demo starts faster, without them.
  DEMO_DOSSIERS: z.enum(['on', 'off']).default('on'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .refine(
      (u) => !/[?&]starttls=/.test(u) || /[?&]starttls=(auto|required|never)(&|$)/.test(u),
      'starttls must be auto, required or never',
    )
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      'must be an address, optionally with a name: Xã Tân Hồng <noreply@tanhong.example.gov.vn>',
    )
    .optional(),
  SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ZALO_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  NOTIFY_WEBHOOK_SECRET: z.string().min(32, 'use at least 32 random characters').optional(),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis://')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'use at least 32 random characters').optional(),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|[1-9]|(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?))*)$/,
      'must be false, true (one proxy), a hop count 1-9, or a list of proxy addresses/CIDRs such as 127.0.0.1,10.0.0.0/8',
    )
    .default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  VISITS_FLUSH_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  RESULTS_WIDGET: z.enum(['on', 'off'], 'must be on or off').default('on'),
  UPLOAD_MAX_MB: z.coerce.number().min(0.1).max(200).default(10),
  PAYMENT_GATEWAY: z.enum(['sandbox', 'off'], 'must be sandbox or off').optional(),
  // A JSON file laid over the provisional Decision 766 scoring table (docs/statistics-indicators.md).
  STATS_766_CONFIG: z.string().min(1).optional(),
});

export type DbConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export type Config = Readonly<{
  env: 'development' | 'test' | 'production';
  http: { port: number; host: string; publicUrl: string | undefined; trustProxy: false | number | string };
  dataDir: string;
  db: DbConfig;
  /** 'unset': on in development, off in production (startup.ts says why): demo accounts share a published password. */
  demoData: 'on' | 'off' | 'unset';
  /** Whether the demo data includes the generated one-stop dossiers (DEMO_DOSSIERS, default on). */
  demoDossiers: boolean;
  smtpUrl: string | undefined;
  /** E-mail, SMS and Zalo (docs/notifications.md); a channel without its settings is not sent. */
  notifications: {
    mailFrom: string | undefined;
    smsWebhookUrl: string | undefined;
    zaloWebhookUrl: string | undefined;
    webhookSecret: string | undefined;
    maxAttempts: number;
    intervalSeconds: number;
  };
  redisUrl: string | undefined;
  sessionSecret: string | undefined;
  logLevel: string;
  portal: { pageCacheSeconds: number; visitsFlushSeconds: number; resultsWidget: boolean };
  uploads: { maxBytes: number };
  /**
   * Online payment of fees (docs/dossiers.md, "Fees and payments"): 'sandbox' takes no money and says so on every
   * page; default sandbox in development and test, off in production.
   */
  payments: { gateway: 'sandbox' | 'off' };
  /** The JSON file that overrides the Decision 766 scoring table (STATS_766_CONFIG), or undefined: the defaults. */
  stats: { indicators766File: string | undefined };
}>;

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = Env.safeParse(cleaned);
  const missing = requiredTogether(cleaned);
  if (!result.success || missing.length > 0) {
    const problems = [
      ...(result.error?.issues ?? []).map((i) => `  - ${i.path.join('.')}: ${i.message}`),
      ...missing,
    ];
    throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const e = result.data;
  const dataDir = e.DATA_DIR;
  const db: DbConfig = e.DATABASE_URL
    ? { dialect: 'postgres', url: e.DATABASE_URL }
    : { dialect: 'sqlite', file: `${dataDir}/congxa.sqlite` };
  return Object.freeze({
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
      trustProxy: trustProxyOf(e.TRUST_PROXY),
    },
    dataDir,
    db,
    demoData: e.DEMO_DATA ?? 'unset',
    demoDossiers: e.DEMO_DOSSIERS === 'on',
    smtpUrl: e.SMTP_URL,
    notifications: {
      mailFrom: e.MAIL_FROM,
      smsWebhookUrl: e.SMS_WEBHOOK_URL,
      zaloWebhookUrl: e.ZALO_WEBHOOK_URL,
      webhookSecret: e.NOTIFY_WEBHOOK_SECRET,
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      intervalSeconds: e.NOTIFY_INTERVAL_SECONDS,
    },
    redisUrl: e.REDIS_URL,
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    portal: {
      pageCacheSeconds: e.PAGE_CACHE_SECONDS,
      visitsFlushSeconds: e.VISITS_FLUSH_SECONDS,
      resultsWidget: e.RESULTS_WIDGET === 'on',
    },
    uploads: { maxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024) },
    payments: { gateway: e.PAYMENT_GATEWAY ?? (e.NODE_ENV === 'production' ? 'off' : 'sandbox') },
    stats: { indicators766File: e.STATS_766_CONFIG },
  });
}

/** Settings that only make sense with another one. */
function requiredTogether(env: Record<string, string | undefined>): string[] {
  return [
    env.SMTP_URL && !env.MAIL_FROM ? '  - MAIL_FROM: required when SMTP_URL is set' : '',
    (env.SMS_WEBHOOK_URL || env.ZALO_WEBHOOK_URL) && !env.NOTIFY_WEBHOOK_SECRET
      ? '  - NOTIFY_WEBHOOK_SECRET: required when SMS_WEBHOOK_URL or ZALO_WEBHOOK_URL is set'
      : '',
  ].filter(Boolean);
}

/** TRUST_PROXY: 'true' is one hop (the reverse proxy in front), never "every hop" (app.tsx says why). */
function trustProxyOf(value: string): false | number | string {
  if (value === 'false') {
    return false;
  }
  if (value === 'true') {
    return 1;
  }
  return /^\d$/.test(value) ? Number(value) : value;
}
