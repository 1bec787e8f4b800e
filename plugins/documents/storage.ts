import { rename, rm, rmdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { type AppContext, newId } from "../../src/core";

/**
 * Uploaded files, content-addressed: `<root>/<sha256[0..2]>/<sha256>`. A file
 * appears only by an atomic rename of a complete temporary file written
 * beside it, so a reader never sees a partial file; equal content is stored
 * once, whoever uploads it.
 */
export class FileStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Writes `bytes` to a new temporary file in the final directory (created as needed); returns its path. */
  async stage(sha256: string, bytes: Uint8Array): Promise<string> {
    const temp = join(dirname(this.pathOf(sha256)), `.${sha256}.${newId()}.tmp`);
    try {
      await Bun.write(temp, bytes);
      return temp;
    } catch (error) {
      await this.discard(temp);
      throw error;
    }
  }

  /** Renames a staged file into place, or drops it when that content is already stored. */
  async commit(temp: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await exists(target)) await this.discard(temp);
    else await rename(temp, target);
  }

  async discard(temp: string): Promise<void> {
    await rm(temp, { force: true });
    await rmdir(dirname(temp)).catch(() => {}); // only when empty
  }

  /**
   * Removes staged files an interrupted upload left behind (a crash between
   * staging and commit): those older than `olderThanMs`. Returns how many.
   */
  async sweepStaged(olderThanMs: number, now = Date.now()): Promise<number> {
    if (!(await exists(this.root))) return 0;
    let removed = 0;
    const staged = new Bun.Glob("*/.*.tmp").scan({ cwd: this.root, dot: true, onlyFiles: true });
    for await (const name of staged) {
      const path = join(this.root, name);
      const info = await stat(path).catch(() => null);
      // Age 0 takes every staged file, even one whose mtime is a fraction of
      // a millisecond past `now`.
      if (!info || (olderThanMs > 0 && now - info.mtimeMs < olderThanMs)) continue;
      await this.discard(path);
      removed++;
    }
    return removed;
  }

  /** Removes a stored file (and its directory once empty). */
  async remove(sha256: string): Promise<void> {
    await this.discard(this.pathOf(sha256));
  }
}

/** The data directory's document store. */
export const documentStore = (ctx: AppContext) =>
  new FileStore(join(ctx.config.dataDir, "documents"));

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
