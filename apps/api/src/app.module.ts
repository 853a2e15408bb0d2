import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { loggingModule } from './common/logging/logging.module.js';
import type { AppConfig } from './config/config.js';
import { HealthModule } from './health/health.module.js';
import { MembersModule } from './members/members.module.js';
import { TokensModule } from './tokens/tokens.module.js';
import { WorkspacesModule } from './workspaces/workspaces.module.js';

export type ExtraImports = NonNullable<ModuleMetadata['imports']>;

/**
 * The root module. The data source is opened (and migrated) before Nest starts, so a bad
 * database fails fast with a clear message; Nest then only borrows it and closes it on shutdown.
 */
@Module({})
export class AppModule {
  /** `extraImports` lets tests mount a module of their own (e.g. a route without a rule). */
  static forRoot(
    config: AppConfig,
    dataSource: DataSource,
    extraImports: ExtraImports = [],
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
        AccessModule,
        HealthModule,
        AuthModule,
        AccountsModule,
        WorkspacesModule,
        MembersModule,
        TokensModule,
        AuditModule,
        ...extraImports,
      ],
    };
  }
}
