import { ConflictError, NotFoundError } from '../../platform/errors.js';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { Actor } from '../accounts/actor.js';
import type { UnitDirectory } from './unit-directory.js';
import type { UnitRepository, UnitRow } from './units.repository.js';
import type { PortalSettingsForm, UnitInput } from './units.schemas.js';

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
    if (directory.isUnitSlug(input.slug)) {
      throw new ConflictError('unit_slug_taken', `Đường dẫn "${input.slug}" đã được đơn vị khác sử dụng.`);
    }
    const id = await db.transaction().execute(async (trx) => {
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
    await this.refreshDirectory();
    return id;
  }

  /** Saves the portal settings (footer contacts, editor-in-chief, host) of a unit. */
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
        throw new NotFoundError('unit_not_found', 'Không tìm thấy đơn vị.');
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

function pick(row: UnitRow, keys: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, row[k as keyof UnitRow]])); // keys are UnitRow columns
}
