import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { ReturnsContent } from '../common/openapi/openapi.decorators.js';
import { ProblemException } from '../common/problem/problem.js';
import { ZodParam } from '../common/validation/zod.pipe.js';
import { z } from 'zod';
import { SecretBox } from '../common/secrets/secret-box.js';
import { escapeHtml } from './messages.js';
import { PreferencesService } from './preferences.service.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

/**
 * The one-click unsubscribe link of every notification email: its signed token turns email off
 * for that event type, without signing in, and answers a small page saying so.
 */
@ApiTags('notifications')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly box: SecretBox,
    private readonly preferences: PreferencesService,
  ) {}

  @Get(':token')
  @Access('public')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ReturnsContent('text/html', 'A page saying which emails were turned off.')
  async unsubscribe(@ZodParam('token', z.string().min(1).max(400)) token: string): Promise<string> {
    const reader = readUnsubscribeToken(this.box, token);
    if (!reader || !(await this.preferences.emailOff(reader.userId, reader.event))) {
      throw ProblemException.notFound(
        'This unsubscribe link is not valid; change your notification settings in Bearing instead.',
      );
    }
    return page(
      'You are unsubscribed',
      `You will no longer get emails about "${reader.event}". You can turn them back on in Bearing under your notification settings.`,
    );
  }
}

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
}
