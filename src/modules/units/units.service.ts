import { ConflictError, FieldError, NotFoundError } from '../../platform/errors.js';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { isUniqueViolation, type Db } from '../../platform/db.js';
import type { Actor } from '../accounts/actor.js';
import type { UnitDirectory } from './unit-directory.js';
import type { UnitRepository, UnitRow } from './units.repository.js';
import { unitMessages } from './units.messages.js';
import { UnitHost, type PortalSettingsForm, type UnitInput } from './units.schemas.js';

type Deps = { db: Db; units: UnitRepository; directory: UnitDirectory; audit: AuditLog; clock: Clock };

export class UnitService {
  constructor(private readonly deps: Deps) {}

  /** Reloads the in-memory directory from the database. */
  async refreshDirectory(): Promise<void> {
    this.deps.directory.load(await this.deps.units.findAll(this.deps.db));
  }

  countUnits(): Promise<number> {
    return this.deps.units.count(this.deps.db);
  }

  /** Adds a unit to the tree (CLI, demo data, and later the province admin). */
  async createUnit(actor: Actor | null, input: UnitInput): Promise<number> {
    const { db, units, audit, clock, directory } = this.deps;
    const slugTaken = () => new ConflictError('unit_slug_taken', unitMessages.errors.slugTaken(input.slug));
    if (directory.isUnitSlug(input.slug)) {
      throw slugTaken();
    }
    const created = db.transaction().execute(async (trx) => {
      if (input.isDefault) {
        await trx.updateTable('unit').set({ isDefault: 0 }).where('isDefault', '=', 1).execute();
      }
      const newId = await units.insert(trx, {
        ...input,
        isDefault: input.isDefault ? 1 : 0,
        isDemo: input.isDemo ? 1 : 0,
      });
      await audit.append(trx, {
        at: clock.now(),
        actor,
        unitId: newId,
        action: 'unit.create',
        entity: 'unit',
        entityId: newId,
        after: input,
      });
      return newId;
    });
    // The directory may be stale (another process, or a concurrent request): the unique constraints decide.
    const id = await created.catch((err: unknown) => {
      if (isUniqueViolation(err, 'slug')) {
        throw slugTaken();
      }
      throw isUniqueViolation(err, 'host') ? hostTaken() : err;
    });
    await this.refreshDirectory();
    return id;
  }

  /**
   * Serves a unit on its own host name, or (null) only under `/<slug>/` again: a deployment-level setting, made by
   * the operator with `congxa unit set-host` and never from a unit's admin pages, since a host decides which unit
   * every request reaches. Refuses a malformed name, localhost, an IP literal, the host of PUBLIC_URL (the
   * deployment's own, whose `/` is the default unit) and a host another unit has.
   */
  async setHost(
    actor: Actor | null,
    slug: string,
    hostInput: string | null,
    publicUrl: string | undefined,
  ): Promise<string | null> {
    const { db, units, audit, clock, directory } = this.deps;
    const unit = directory.getBySlug(slug);
    if (!unit) {
      throw new NotFoundError('unit_not_found', unitMessages.errors.unknownSlug(slug));
    }
    let host: string | null = null;
    if (hostInput !== null) {
      const parsed = UnitHost.safeParse(hostInput);
      if (!parsed.success) {
        const code = parsed.error.issues[0]?.message ?? 'host_format';
        throw new FieldError('host', code, hostMessages[code] ?? unitMessages.fields.host_format);
      }
      host = parsed.data;
      if (publicUrl && new URL(publicUrl).hostname.toLowerCase().replace(/\.$/, '') === host) {
        throw new FieldError('host', 'host_public_url', unitMessages.fields.host_public_url);
      }
      if (directory.all().some((u) => u.host === host && u.id !== unit.id)) {
        throw hostTaken();
      }
    }
    await db
      .transaction()
      .execute(async (trx) => {
        const now = clock.now();
        await units.updateSettings(trx, unit.id, { host, updatedAt: now.toISOString() });
        await audit.append(trx, {
          at: now,
          actor,
          unitId: unit.id,
          action: 'unit.set_host',
          entity: 'unit',
          entityId: unit.id,
          before: { host: unit.host },
          after: { host },
        });
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err, 'host') ? hostTaken() : err;
      });
    await this.refreshDirectory();
    return host;
  }

  /** Saves the portal settings (footer contacts, editor-in-chief, codes) of a unit. */
  async updatePortalSettings(
    actor: Actor,
    unitId: number,
    form: PortalSettingsForm,
    ip: string | null,
  ): Promise<void> {
    const { db, units, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await units.findById(trx, unitId);
      if (!before) {
        throw new NotFoundError('unit_not_found', unitMessages.errors.notFound);
      }
      const now = clock.now();
      await units.updateSettings(trx, unitId, { ...form, updatedAt: now.toISOString() });
      await audit.append(trx, {
        at: now,
        actor,
        unitId,
        action: 'unit.update_settings',
        entity: 'unit',
        entityId: unitId,
        before: pick(before, form),
        after: form,
        ip,
      });
    });
    await this.refreshDirectory();
  }

  async setLogo(actor: Actor, unitId: number, logoPath: string, ip: string | null): Promise<void> {
    const { db, units, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await units.findById(trx, unitId);
      const now = clock.now();
      await units.updateSettings(trx, unitId, { logoPath, updatedAt: now.toISOString() });
      await audit.append(trx, {
        at: now,
        actor,
        unitId,
        action: 'unit.set_logo',
        entity: 'unit',
        entityId: unitId,
        before: { logoPath: before?.logoPath ?? null },
        after: { logoPath },
        ip,
      });
    });
    await this.refreshDirectory();
  }
}

const hostMessages: Readonly<Partial<Record<string, string>>> = unitMessages.fields;
const hostTaken = () => new ConflictError('unit_host_taken', unitMessages.fields.host_taken);

function pick(row: UnitRow, keys: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, row[k as keyof UnitRow]])); // keys are UnitRow columns
}
