import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { loggingModule } from './common/logging/logging.module.js';
import type { AppConfig } from './config/config.js';
import { HealthModule } from './health/health.module.js';

/**
 * The root module. The data source is opened (and migrated) before Nest starts, so a bad
 * database fails fast with a clear message; Nest then only borrows it and closes it on shutdown.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
        HealthModule,
      ],
    };
  }
}
