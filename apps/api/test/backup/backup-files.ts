import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { DataSource } from 'typeorm';
import {
  FRAME,
  frame,
  MAGIC,
  readBackupSections,
} from '../../src/database/backup/backup-format.js';
import type { BackupManifest } from '../../src/database/backup/backup-manifest.js';

/**
 * Test-only ways to make a backup file that is well-formed gzip but not what its backup wrote,
 * and to count what a database holds.
 */

type Edits = {
  data?: (chunk: Buffer) => Buffer;
  manifest?: (manifest: BackupManifest) => BackupManifest;
};

/** Copies `file` to `out` frame by frame, passing data and manifest through `edits`. */
async function rewrite(file: string, out: string, edits: Edits): Promise<void> {
  async function* content(): AsyncGenerator<Buffer> {
    yield MAGIC;
    for await (const section of readBackupSections(file)) {
      if (section.kind === 'manifest') {
        const manifest = JSON.parse(section.json) as BackupManifest;
        const edited = edits.manifest ? edits.manifest(manifest) : manifest;
        yield* frame(FRAME.manifest, Buffer.from(JSON.stringify(edited)));
        continue;
      }
      yield* frame(FRAME.table, Buffer.from(section.name));
      for await (const chunk of section.chunks) {
        yield* frame(FRAME.data, edits.data ? edits.data(chunk) : chunk);
      }
    }
  }
  await pipeline(Readable.from(content()), createGzip(), createWriteStream(out));
}

export function withManifest(
  file: string,
  out: string,
  edit: (manifest: BackupManifest) => BackupManifest,
): Promise<void> {
  return rewrite(file, out, { manifest: edit });
}

/** One character of the first data chunk changed ('a' ↔ 'b' or a digit moved by one). */
export function alterOneDataByte(file: string, out: string): Promise<void> {
  let done = false;
  return rewrite(file, out, {
    data: (chunk) => {
      if (done) return chunk;
      const copy = Buffer.from(chunk);
      const at = copy.findIndex((byte) => byte >= 0x30 && byte <= 0x38);
      if (at === -1) return chunk;
      copy[at] = (copy[at] ?? 0) + 1;
      done = true;
      return copy;
    },
  });
}

/** Rows of every table in `public`, by table name. */
export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row]: { count: number }[] = await dataSource.query(
      `SELECT count(*)::int AS count FROM "${name}"`,
    );
    counts[name] = row?.count ?? 0;
  }
  return counts;
}
