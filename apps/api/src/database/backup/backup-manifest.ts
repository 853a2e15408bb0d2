import { z } from 'zod';
import { DamagedBackupError } from './backup-errors.js';
import { BACKUP_FORMAT_VERSION } from './backup-format.js';

const tableSchema = z.strictObject({
  name: z.string().min(1),
  /** In the order the data's columns come, for `COPY table (columns) FROM STDIN`. */
  columns: z.array(z.string().min(1)).min(1),
  rows: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the table's data exactly as stored: the `D` frames' payloads in order. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * What a backup holds and where it came from; the last frame of the file. `migrations` lists
 * every applied migration (oldest first), `lastMigration` the newest: the schema the data fits.
 */
export const manifestSchema = z
  .strictObject({
    format: z.literal('bearing-backup'),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    bearingVersion: z.string(),
    createdAt: z.iso.datetime(),
    lastMigration: z.string().min(1),
    migrations: z.array(z.string().min(1)).min(1),
    /** Id of the key that encrypts stored secrets, `null` when there is none. */
    secretKeyId: z.string().nullable(),
    tables: z.array(tableSchema),
  })
  .refine((manifest) => manifest.migrations.at(-1) === manifest.lastMigration, {
    message: 'lastMigration is not the last of migrations',
  });

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupTable = BackupManifest['tables'][number];

export function parseManifest(json: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new DamagedBackupError('its manifest is not JSON');
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DamagedBackupError(
      `its manifest is not valid: ${issue?.path.join('.') || 'manifest'} ${issue?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}
