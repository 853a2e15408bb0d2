import { Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ApiTokenPage,
  apiTokenPageSchema,
  type CreatedTokenResponse,
  createdTokenResponseSchema,
  type CreateTokenRequest,
  createTokenRequestSchema,
  type PageQuery,
  pageQuerySchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, CallerUser } from '../access/caller.js';
import { CurrentActor, CurrentUser } from '../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { TokensService } from './tokens.service.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';

/** The caller's own API tokens, across their workspaces. */
@ApiTags('tokens')
@Controller('me/tokens')
export class MyTokensController {
  constructor(private readonly tokens: TokensService) {}

  /** `createTokenRequestSchema` → `createdTokenResponseSchema` (the secret, this once). */
  @Post()
  @Access('signed-in')
  @Returns(createdTokenResponseSchema, {
    description: 'The token, with its secret shown this once.',
  })
  @Fails(404, 'not-found')
  @Fails(429, 'rate-limited')
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(createTokenRequestSchema) body: CreateTokenRequest,
  ): Promise<CreatedTokenResponse> {
    return this.tokens.create(actor, body);
  }

  /** `pageQuerySchema` → `apiTokenPageSchema`: unrevoked, newest first, with last use. */
  @Get()
  @Access('signed-in')
  @Returns(apiTokenPageSchema)
  list(
    @CurrentUser() user: CallerUser,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<ApiTokenPage> {
    return this.tokens.listMine(user.id, page);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('signed-in')
  @ReturnsNothing()
  revoke(@CurrentActor() actor: Actor, @ZodParam('id', z.uuid()) id: string): Promise<void> {
    return this.tokens.revokeMine(actor, id);
  }
}
