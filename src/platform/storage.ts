import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. The embedded default keeps them under DATA_DIR/files; an S3-compatible store can
 * implement the same interface for scale-out. Keys are generated here (never from the user's file name).
 */
export interface FileStorage {
  put(data: Buffer, extension: string): Promise<string>;
  open(key: string): Readable | undefined;
  remove(key: string): Promise<void>;
}

const KEY = /^\d{4}\/\d{2}\/[A-Za-z0-9_-]{16,}\.[a-z0-9]{1,5}$/;

/** Is this the shape of a key `put` makes (YYYY/MM/<random>.<ext>)? No dots, percent signs or slashes elsewhere. */
export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}

export class LocalFileStorage implements FileStorage {
  /** Folders already made by this process: `put` then skips the mkdir (one per file was measurable under load). */
  private readonly made = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly now: () => Date,
  ) {}

  static isKey(key: string): boolean {
    return isStorageKey(key);
  }

  async put(data: Buffer, extension: string): Promise<string> {
    const d = this.now();
    const key = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${randomBytes(12).toString('base64url')}.${extension}`;
    const path = join(this.root, key);
    const dir = dirname(path);
    if (!this.made.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.made.add(dir);
    }
    // Write then rename, so a reader never sees half a file.
    await writeFile(`${path}.part`, data);
    await rename(`${path}.part`, path);
    return key;
  }

  open(key: string): Readable | undefined {
    if (!LocalFileStorage.isKey(key)) {
      return undefined;
    }
    const path = join(this.root, key);
    return existsSync(path) ? createReadStream(path) : undefined;
  }

  async remove(key: string): Promise<void> {
    if (LocalFileStorage.isKey(key)) {
      await unlink(join(this.root, key)).catch(() => undefined);
    }
  }
}
