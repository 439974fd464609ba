import { join } from 'node:path';
import { createTestDb, type TestDb } from '../../../test/db.js';
import { loadConfig } from '../../config.js';
import { fixedClock } from '../../platform/clock.js';
import { LocalFileStorage } from '../../platform/storage.js';
import { UnitDirectory } from '../units/unit-directory.js';
import type { Channel } from './channel.js';
import type { DispatcherOptions } from './dispatcher.js';
import type { ChannelName } from './notifications.model.js';
import { NotificationsModule } from './notifications.module.js';

export type OutboxFixture = Awaited<ReturnType<typeof outboxFixture>>;

/**
 * For the notification tests: a fresh database of the dialect under test with one unit, a fixed clock, a file
 * storage, and the notifications module on the given channels (NOTIFY_MAX_ATTEMPTS=3). Nothing runs on a timer.
 */
export async function outboxFixture(
  opts: {
    channels?: (clock: ReturnType<typeof fixedClock>) => Partial<Record<ChannelName, Channel>>;
    options?: Partial<DispatcherOptions>;
    demo?: boolean;
    testDb?: TestDb;
  } = {},
) {
  const t = opts.testDb ?? (await createTestDb());
  const clock = fixedClock('2026-11-26T02:30:00.000Z');
  const unit = await t.db
    .insertInto('unit')
    .values({
      slug: `xa-${Math.random().toString(36).slice(2, 8)}`,
      name: 'Xã Tân Hồng',
      fullName: 'Ủy ban nhân dân xã Tân Hồng',
      kind: 'commune',
      isDemo: opts.demo ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const directory = new UnitDirectory();
  directory.load([unit]);
  const storage = new LocalFileStorage(join(t.dataDir, 'files'), () => clock.now());
  const config = loadConfig({ DATA_DIR: t.dataDir, NOTIFY_MAX_ATTEMPTS: '3', LOG_LEVEL: 'silent' });
  const notifications = new NotificationsModule(
    { db: t.db, clock, storage, directory, config },
    { channels: opts.channels?.(clock) ?? {}, options: opts.options ?? {} },
  );
  return {
    t,
    db: t.db,
    clock,
    unitId: unit.id,
    storage,
    notifications,
    rows: () => t.db.selectFrom('notification').selectAll().orderBy('id').execute(),
    row: (id: number) =>
      t.db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    destroy: () => (opts.testDb ? Promise.resolve() : t.destroy()),
  };
}
