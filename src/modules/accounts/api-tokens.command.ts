import { parseArgs } from 'node:util';
import { AppError } from '../../platform/errors.js';
import { fieldErrors } from '../../web/components/form-errors.js';
import type { AccountService } from './accounts.service.js';
import { accountMessages } from './accounts.messages.js';
import { NewApiTokenForm } from './accounts.schemas.js';

export const TOKEN_HELP = `  token create --user U --name "Label" [--days N]
                            create an API token for staff account U (valid N days, else until revoked); the
                            token alone goes to stdout, once: store it at once, it cannot be shown again
  token list --user U       list U's API tokens (id, prefix, name, state, created, last used, expires)
  token revoke ID           revoke an API token at once`;

/** Where the command writes: stdout gets only what a script may capture (the new token), the rest stderr. */
export type Output = { out(line: string): void; err(line: string): void };

const USAGE =
  'Usage: congxa token create --user U --name "Label" [--days N] | token list --user U | token revoke ID';

/** `congxa token …`; the exit code. Errors the user can fix are a message and 2, never a stack trace. */
export async function tokenCommand(
  accounts: AccountService,
  sub: string | undefined,
  args: string[],
  io: Output,
): Promise<number> {
  try {
    if (sub === 'create') {
      return await create(accounts, args, io);
    }
    if (sub === 'list') {
      return await list(accounts, args, io);
    }
    if (sub === 'revoke' && args.length === 1 && /^[1-9]\d{0,9}$/.test(args[0] ?? '')) {
      const revoked = await accounts.tokens.revoke(null, Number(args[0]));
      io.err(`API token ${revoked.id} (${revoked.prefix}…, "${revoked.name}") revoked.`);
      return 0;
    }
    io.err(USAGE);
    return 2;
  } catch (err) {
    if (err instanceof AppError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
}

async function staffId(accounts: AccountService, username: string | undefined, io: Output) {
  const id = username ? await accounts.tokens.staffIdOf(username) : undefined;
  if (id === undefined) {
    io.err(username ? `No staff account "${username}".` : USAGE);
  }
  return id;
}

async function create(accounts: AccountService, args: string[], io: Output): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { user: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' } },
  });
  const id = await staffId(accounts, values.user, io);
  if (id === undefined) {
    return 2;
  }
  const form = NewApiTokenForm.safeParse({ name: values.name ?? '', days: values.days ?? '' });
  if (!form.success) {
    const errors = fieldErrors(form.error, accountMessages.fields);
    io.err(
      Object.entries(errors)
        .map(([field, message]) => `  --${field}: ${message}`)
        .join('\n'),
    );
    return 2;
  }
  const created = await accounts.tokens.create(null, id, form.data);
  io.err(
    `API token ${created.id} "${form.data.name}" created for ${values.user ?? ''}, ` +
      (created.expiresAt ? `valid until ${created.expiresAt}.` : 'valid until revoked.'),
  );
  io.out(created.token);
  io.err(
    "Store this token now, in a safe place (the integration's secret store): it is shown only this once and " +
      'cannot be recovered. Anyone holding it acts as this account on /api/. Send it as ' +
      '"Authorization: Bearer <token>"; revoke it with "congxa token revoke ' +
      `${created.id}".`,
  );
  return 0;
}

async function list(accounts: AccountService, args: string[], io: Output): Promise<number> {
  const { values } = parseArgs({ args, options: { user: { type: 'string' } } });
  const id = await staffId(accounts, values.user, io);
  if (id === undefined) {
    return 2;
  }
  const rows = await accounts.tokens.list(id);
  if (rows.length === 0) {
    io.err(`${values.user ?? ''} has no API token.`);
  }
  for (const r of rows) {
    io.out(
      [
        r.id,
        `${r.prefix}…`,
        r.name,
        r.state,
        `created ${r.createdAt}`,
        `last used ${r.lastUsedAt ?? 'never'}`,
        `expires ${r.expiresAt ?? 'never'}`,
      ].join('\t'),
    );
  }
  return 0;
}
