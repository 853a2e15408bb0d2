import { DataSource } from 'typeorm';
import { ConfigError } from '../config/config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * Opens the connection pool, turning a refused or unknown host into a `ConfigError` that names
 * `DATABASE_URL` (without its password) instead of a stack trace.
 */
export async function connectDatabase(url: string, external: boolean): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url));
  try {
    await dataSource.initialize();
    return dataSource;
  } catch (error) {
    if (!external) throw error;
    const target = new URL(url);
    const reason = error instanceof Error ? describeConnectionError(error) : String(error);
    throw new ConfigError(
      'DATABASE_URL',
      `cannot connect to PostgreSQL at ${target.hostname}:${target.port || 5432}${target.pathname} (${reason})`,
    );
  }
}

function describeConnectionError(error: Error): string {
  const code = (error as Error & { code?: string }).code;
  return code ? `${code}: ${error.message}` : error.message;
}
