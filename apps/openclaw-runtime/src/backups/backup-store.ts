import { BackupManifestSchema, backupKeys, idsBeyondRetention, manifestIdFromKey, sortNewestFirst, tenantBackupPrefix, type BackupManifest } from "./backup-catalog.ts";

/** One tenant's backups in R2. */
export class BackupStore {
  readonly #bucket: R2Bucket;
  readonly #tenantId: string;

  constructor(bucket: R2Bucket, tenantId: string) {
    this.#bucket = bucket;
    this.#tenantId = tenantId;
  }

  /** Stores the archive first and the manifest last, so a listed manifest always has its archive. */
  async put(manifest: Omit<BackupManifest, "archiveKey" | "tenantId">, archive: ReadableStream<Uint8Array>): Promise<BackupManifest> {
    const keys = backupKeys(this.#tenantId, manifest.id);
    const sized = archive.pipeThrough(new FixedLengthStream(manifest.bytes));
    await this.#bucket.put(keys.archive, sized, { sha256: manifest.sha256, httpMetadata: { contentType: "application/gzip" } });
    const full: BackupManifest = { ...manifest, tenantId: this.#tenantId, archiveKey: keys.archive };
    await this.#bucket.put(keys.manifest, JSON.stringify(full), { httpMetadata: { contentType: "application/json" } });
    return full;
  }

  async list(): Promise<BackupManifest[]> {
    const ids = await this.#ids();
    const manifests = await Promise.all(ids.map((id) => this.get(id)));
    return sortNewestFirst(manifests.filter((m): m is BackupManifest => m !== null));
  }

  async get(id: string): Promise<BackupManifest | null> {
    const object = await this.#bucket.get(backupKeys(this.#tenantId, id).manifest);
    if (!object) return null;
    const parsed = BackupManifestSchema.safeParse(await object.json());
    return parsed.success && parsed.data.tenantId === this.#tenantId ? parsed.data : null;
  }

  async newest(): Promise<BackupManifest | null> {
    const ids = (await this.#ids()).sort().reverse();
    for (const id of ids) {
      const manifest = await this.get(id);
      if (manifest) return manifest;
    }
    return null;
  }

  async openArchive(manifest: BackupManifest): Promise<ReadableStream<Uint8Array> | null> {
    const object = await this.#bucket.get(manifest.archiveKey);
    return object?.body ?? null;
  }

  async applyRetention(keep: number): Promise<string[]> {
    const doomed = idsBeyondRetention(await this.list(), keep);
    await this.#deleteIds(doomed);
    return doomed;
  }

  async deleteAll(): Promise<void> {
    await this.#deleteIds(await this.#ids());
  }

  async #deleteIds(ids: string[]): Promise<void> {
    const keys = ids.flatMap((id) => {
      const k = backupKeys(this.#tenantId, id);
      return [k.manifest, k.archive];
    });
    for (let i = 0; i < keys.length; i += 1000) await this.#bucket.delete(keys.slice(i, i + 1000));
  }

  async #ids(): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.#bucket.list({ prefix: tenantBackupPrefix(this.#tenantId), cursor });
      for (const object of page.objects) {
        const id = manifestIdFromKey(this.#tenantId, object.key);
        if (id) ids.push(id);
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
    return ids;
  }
}
