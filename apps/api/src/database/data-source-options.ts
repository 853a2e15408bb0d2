import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

/**
 * The one place the database connection is described. The schema only ever changes through
 * migrations (`synchronize` stays off); they run at start, see run-migrations.ts.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // Fail fast with a clear message instead of hanging on an unreachable host.
    extra: { connectionTimeoutMillis: 5000, max: 10 },
  };
}
