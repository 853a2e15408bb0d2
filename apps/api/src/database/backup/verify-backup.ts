import { APP_VERSION } from '../../config/version.js';
import { migrations } from '../migrations/index.js';
import { DamagedBackupError, RestoreRefusedError } from './backup-errors.js';
import { readBackupSections } from './backup-format.js';
import { type BackupManifest, parseManifest } from './backup-manifest.js';
import { TableDigest } from './table-digest.js';

/** A backup file whose every byte matched its manifest, and whose schema this code knows. */
export type VerifiedBackup = { file: string; manifest: BackupManifest };

/**
 * Everything that can be checked from the file alone, before anything is written anywhere:
 * reads the whole file once and checks every table's data against the manifest (tables, their
 * order, row counts, SHA-256), then refuses a backup from a newer schema — one with a migration
 * this Bearing does not have.
 */
export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  const manifest = await readAndCheck(file);
  const known = new Set(migrations.map((Migration) => new Migration().name ?? Migration.name));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(
      `the backup comes from a newer schema: its migration ${unknown.at(-1)} is unknown to this ` +
        `Bearing (${APP_VERSION}); restore it with Bearing ${manifest.bearingVersion} or newer`,
    );
  }
  return { file, manifest };
}

async function readAndCheck(file: string): Promise<BackupManifest> {
  const digests: { name: string; digest: TableDigest }[] = [];
  let manifest: BackupManifest | undefined;
  for await (const section of readBackupSections(file)) {
    if (section.kind === 'manifest') {
      manifest = parseManifest(section.json);
      continue;
    }
    const digest = new TableDigest();
    for await (const chunk of section.chunks) digest.add(chunk);
    digests.push({ name: section.name, digest });
  }
  if (!manifest) throw new DamagedBackupError('it has no manifest');
  const listed = manifest.tables.map((table) => table.name).join(',');
  if (digests.map(({ name }) => name).join(',') !== listed) {
    throw new DamagedBackupError('its tables are not the ones its manifest lists');
  }
  manifest.tables.forEach((table, index) => digests[index]?.digest.expect(table));
  return manifest;
}
