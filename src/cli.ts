import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config.js';
import { createDeps } from './deps.js';
import { TOKEN_HELP, tokenCommand } from './modules/accounts/api-tokens.command.js';
import { isRole, ROLES } from './modules/accounts/roles.js';
import { STATS_HELP, statsCommand } from './modules/stats/stats.command.js';
import { UnitInput } from './modules/units/units.schemas.js';
import { AppError } from './platform/errors.js';
import { migrateToLatest } from './platform/migrator.js';

const HELP = `congxa: the commune portal, one-stop shop and CCHC index

Usage: npx congxa <command> [options]

Commands:
  serve                     start the server (same as npm start)
  migrate                   apply pending database migrations
  unit add --slug S --name N --full-name F --kind commune|district|province [--parent SLUG] [--default]
           [--agency-code 000.00.13.H12] [--admin-code 11020]
                            add an administrative unit
  unit list                 list the units (and their own host names)
  unit set-host SLUG HOST   serve a unit on its own host name (DNS must point here); --clear in place of HOST
                            removes it. Refused: localhost, IP addresses, the host of PUBLIC_URL, a host of
                            another unit
  user add --username U --name "Full Name" --unit SLUG [--role admin ...] [--email E]
                            add a staff account; the password is read from CONGXA_PASSWORD or generated and printed
${TOKEN_HELP}
${STATS_HELP}
  help                      show this help

Configuration comes from the environment (see .env.example): DATABASE_URL, DATA_DIR, PORT, HOST, DEMO_DATA, ...`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return 0;
  }
  if (command === 'serve') {
    const { serve } = await import('./server.js');
    await serve();
    return -1; // keeps running
  }
  const config = loadConfig();
  const deps = createDeps(config);
  try {
    await migrateToLatest(deps.db);
    await deps.units.refreshDirectory();
    if (command === 'migrate') {
      console.log('Database is up to date.');
      return 0;
    }
    if (command === 'unit' && sub === 'list') {
      for (const u of deps.directory.all()) {
        const notes = [u.isDefault ? '(mặc định)' : '', u.host ?? ''].filter(Boolean);
        console.log([u.slug, u.kind, u.name, ...notes].join('\t'));
      }
      return 0;
    }
    if (command === 'unit' && sub === 'add') {
      const { values } = parseArgs({
        args: rest,
        options: {
          slug: { type: 'string' },
          name: { type: 'string' },
          'full-name': { type: 'string' },
          kind: { type: 'string', default: 'commune' },
          parent: { type: 'string' },
          default: { type: 'boolean', default: false },
          'agency-code': { type: 'string' },
          'admin-code': { type: 'string' },
        },
      });
      const parent = values.parent ? deps.directory.getBySlug(values.parent) : undefined;
      if (values.parent && !parent) {
        console.error(`No unit with slug "${values.parent}".`);
        return 2;
      }
      const input = UnitInput.safeParse({
        slug: values.slug,
        name: values.name,
        fullName: values['full-name'] ?? values.name,
        kind: values.kind,
        parentId: parent?.id ?? null,
        adminCode: values['admin-code'] ?? null,
        agencyCode: values['agency-code'] ?? null,
        host: null,
        isDefault: values.default || deps.directory.all().length === 0,
        isDemo: false,
      });
      if (!input.success) {
        console.error(input.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n'));
        return 2;
      }
      const id = await deps.units.createUnit(null, input.data);
      console.log(`Unit ${input.data.slug} created (id ${id}).`);
      return 0;
    }
    if (command === 'unit' && sub === 'set-host') {
      const [slug, host, ...extra] = rest;
      if (!slug || !host || extra.length > 0) {
        console.error('Usage: congxa unit set-host SLUG HOST|--clear');
        return 2;
      }
      try {
        const set = await deps.units.setHost(
          null,
          slug,
          host === '--clear' ? null : host,
          config.http.publicUrl,
        );
        console.log(
          set ? `Unit ${slug} is now served at ${set}.` : `Unit ${slug} no longer has its own host.`,
        );
        return 0;
      } catch (err) {
        if (err instanceof AppError) {
          console.error(err.message);
          return 2;
        }
        throw err;
      }
    }
    if (command === 'token') {
      return await tokenCommand(deps.accounts, sub, rest, {
        out: (line) => console.log(line),
        err: (line) => console.error(line),
      });
    }
    if (command === 'stats') {
      return await statsCommand(deps.stats, sub, rest, {
        out: (line) => console.log(line),
        err: (line) => console.error(line),
      });
    }
    if (command === 'user' && sub === 'add') {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          unit: { type: 'string' },
          role: { type: 'string', multiple: true, default: ['admin'] },
          email: { type: 'string' },
        },
      });
      const unit = values.unit
        ? deps.directory.getBySlug(values.unit)
        : deps.directory.resolve(undefined, undefined)?.unit;
      const roles = values.role.filter(isRole);
      if (!values.username || !values.name || !unit || roles.length !== values.role.length) {
        console.error(`Need --username, --name, an existing --unit and roles among: ${ROLES.join(', ')}`);
        return 2;
      }
      const generated = !process.env.CONGXA_PASSWORD;
      const password = process.env.CONGXA_PASSWORD ?? randomBytes(12).toString('base64url');
      await deps.accounts.createStaff(null, {
        username: values.username,
        fullName: values.name,
        email: values.email ?? null,
        password,
        unitId: unit.id,
        roles,
      });
      console.log(`Account ${values.username} created in ${unit.slug} with roles ${roles.join(', ')}.`);
      if (generated) {
        console.log(`Password: ${password}`);
      }
      return 0;
    }
    console.error(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
    return 2;
  } finally {
    await deps.db.destroy();
  }
}

try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) {
    process.exit(code);
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err));
  process.exit(1);
}
