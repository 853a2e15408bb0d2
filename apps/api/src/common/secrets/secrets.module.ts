import { type DynamicModule, Global, Module } from '@nestjs/common';
import { SecretBox } from './secret-box.js';
import type { SecretKey } from './secret-key.js';

/** The one `SecretBox` of the process, sealing and opening secrets at rest for every feature. */
@Global()
@Module({})
export class SecretsModule {
  static forRoot(secretKey: SecretKey): DynamicModule {
    return {
      module: SecretsModule,
      providers: [{ provide: SecretBox, useValue: new SecretBox(secretKey) }],
      exports: [SecretBox],
    };
  }
}
