import { Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
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

/** The token of an unsubscribe link. */
const TOKEN = z.string().min(1).max(400);

/**
 * The unsubscribe link of every notification email, whose signed token names the user and the
 * event type; it works without signing in. Opening it (GET) only asks: mail scanners and link
 * previews fetch links in emails, and must not unsubscribe anyone. Unsubscribing is a POST —
 * the page's button, or the mail provider's one-click unsubscribe (RFC 8058, announced by
 * `List-Unsubscribe-Post`), which another server sends without an Origin header: so the POST is
 * open like a webhook, its token proving who may.
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
  @ReturnsContent('text/html', 'A page asking to confirm; it changes nothing.')
  confirm(@ZodParam('token', TOKEN) token: string): string {
    const reader = this.readToken(token);
    return page(
      'Unsubscribe from these emails?',
      `You get emails from Bearing about "${reader.event}". Unsubscribe to stop them; you can turn them back on in Bearing under your notification settings.`,
      '<form method="post"><button type="submit">Unsubscribe</button></form>',
    );
  }

  @Post(':token')
  @Access('webhook')
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ReturnsContent('text/html', 'A page saying which emails were turned off.')
  async unsubscribe(@ZodParam('token', TOKEN) token: string): Promise<string> {
    const reader = this.readToken(token);
    if (!(await this.preferences.emailOff(reader.userId, reader.event))) throw invalidLink();
    return page(
      'You are unsubscribed',
      `You will no longer get emails about "${reader.event}". You can turn them back on in Bearing under your notification settings.`,
    );
  }

  private readToken(token: string): NonNullable<ReturnType<typeof readUnsubscribeToken>> {
    const reader = readUnsubscribeToken(this.box, token);
    if (!reader) throw invalidLink();
    return reader;
  }
}

function invalidLink(): ProblemException {
  return ProblemException.notFound(
    'This unsubscribe link is not valid; change your notification settings in Bearing instead.',
  );
}

function page(title: string, text: string, formHtml = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${formHtml}</body></html>`;
}
