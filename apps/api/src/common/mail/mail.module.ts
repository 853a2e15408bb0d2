import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MAIL_OPTIONS, Mailer, type MailOptions } from './mailer.service.js';

/** The one `Mailer` of the process (SMTP when configured), for every feature. */
@Global()
@Module({})
export class MailModule {
  static forRoot(options: MailOptions): DynamicModule {
    return {
      module: MailModule,
      providers: [{ provide: MAIL_OPTIONS, useValue: options }, Mailer],
      exports: [Mailer],
    };
  }
}
