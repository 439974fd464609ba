import { assetPaths } from '../../../http/paths.js';
import type { AuditLog } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Conn, Db, Tx } from '../../../platform/db.js';
import type { FileStorage } from '../../../platform/storage.js';
import type { Actor } from '../../accounts/actor.js';
import type { PreparedImage } from './image-upload.js';
import type { MediaRepository } from './media.repository.js';

type Deps = { db: Db; media: MediaRepository; storage: FileStorage; audit: AuditLog; clock: Clock };

export type ImageText = { alt: string; caption: string };
export type StoredImage = { id: number; storageKey: string; url: string };

/** The unit's image library: uploads (bytes to storage, a row per image) and the look-up that serves them. */
export class MediaService {
  /** storage key → type and size; files never change under a key, so this never goes stale. */
  private readonly served = new Map<string, { mime: string; size: number }>();

  constructor(private readonly deps: Deps) {}

  /** Writes the bytes to storage (before the transaction that records them); returns the storage key. */
  storeBytes(image: PreparedImage): Promise<string> {
    return this.deps.storage.put(image.bytes, image.type.extension);
  }

  /** Removes stored bytes whose transaction failed. */
  async discardBytes(storageKey: string): Promise<void> {
    await this.deps.storage.remove(storageKey);
  }

  /** Records a stored image in the unit's library, inside the caller's transaction, with its audit row. */
  async recordInTransaction(
    trx: Tx,
    actor: Actor,
    unitId: number,
    image: PreparedImage,
    storageKey: string,
    text: ImageText,
    ip: string | null,
  ): Promise<number> {
    const now = this.deps.clock.now();
    const row = {
      unitId,
      storageKey,
      fileName: image.fileName,
      mime: image.type.mime,
      size: image.bytes.length,
      width: image.width,
      height: image.height,
      alt: text.alt.normalize('NFC'),
      caption: text.caption.normalize('NFC'),
      uploadedBy: actor.id,
      createdAt: now.toISOString(),
    };
    const id = await this.deps.media.insert(trx, row);
    await this.deps.audit.append(trx, {
      at: now,
      actor,
      unitId,
      action: 'media.upload',
      entity: 'media',
      entityId: id,
      after: { ...row, uploadedBy: undefined, createdAt: undefined },
      ip,
    });
    return id;
  }

  /** Uploads one image to the unit's library. */
  async uploadImage(
    actor: Actor,
    unitId: number,
    image: PreparedImage,
    text: ImageText,
    ip: string | null,
  ): Promise<StoredImage> {
    const storageKey = await this.storeBytes(image);
    try {
      const id = await this.deps.db
        .transaction()
        .execute((trx) => this.recordInTransaction(trx, actor, unitId, image, storageKey, text, ip));
      return { id, storageKey, url: assetPaths.media(storageKey) };
    } catch (err) {
      await this.discardBytes(storageKey);
      throw err;
    }
  }

  async listForUnit(unitId: number, page: number, pageSize: number) {
    const { db, media } = this.deps;
    const [rows, total] = await Promise.all([
      media.listForUnit(db, unitId, pageSize, (page - 1) * pageSize),
      media.count(db, unitId),
    ]);
    return { rows, total };
  }

  /** The latest images of the unit, for choosing a cover. */
  choices(unitId: number) {
    return this.deps.media.listForUnit(this.deps.db, unitId, 100, 0);
  }

  findInUnit(conn: Conn, unitId: number, id: number) {
    return this.deps.media.findById(conn, unitId, id);
  }

  count(unitId: number): Promise<number> {
    return this.deps.media.count(this.deps.db, unitId);
  }

  /** Type and size of a stored file, for GET /media/<key>; undefined for an unknown key. */
  async forServing(storageKey: string): Promise<{ mime: string; size: number } | undefined> {
    const hit = this.served.get(storageKey);
    if (hit) {
      return hit;
    }
    const row = await this.deps.media.findByStorageKey(this.deps.db, storageKey);
    if (row) {
      if (this.served.size >= 5000) {
        this.served.clear();
      }
      this.served.set(storageKey, row);
    }
    return row;
  }

  open(storageKey: string) {
    return this.deps.storage.open(storageKey);
  }
}
