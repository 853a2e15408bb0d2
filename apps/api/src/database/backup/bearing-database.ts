import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config.js';
import { connectDatabase } from '../connect-database.js';
import {
  type EmbeddedDatabase,
  hasEmbeddedDatabase,
  runningEmbeddedDatabaseUrl,
  startEmbeddedDatabase,
} from '../embedded-database.js';

export type BearingDatabase = { url: string; dataSource: DataSource; close(): Promise<void> };

/**
 * The database `npm start` uses, for a command run beside it: `DATABASE_URL`, else the embedded
 * one in `BEARING_DATA_DIR` — the running server when Bearing has it started (neither
 * restarted nor stopped), else started here, and stopped by `close()`. `mustExist` refuses to
 * create an embedded cluster that is not there yet (a backup has nothing to read in one).
 */
export async function openBearingDatabase(
  config: AppConfig,
  log: (message: string) => void,
  { mustExist }: { mustExist: boolean },
): Promise<BearingDatabase> {
  let url = config.databaseUrl ?? (await runningEmbeddedDatabaseUrl(config.dataDir));
  let embedded: EmbeddedDatabase | undefined;
  if (!url) {
    if (mustExist && !hasEmbeddedDatabase(config.dataDir)) {
      throw new Error(`there is no embedded database in ${config.dataDir} (BEARING_DATA_DIR)`);
    }
    embedded = await startEmbeddedDatabase(config.dataDir, log);
    url = embedded.url;
  }
  try {
    const dataSource = await connectDatabase(url, config.databaseUrl !== undefined);
    return {
      url,
      dataSource,
      close: async () => {
        await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
