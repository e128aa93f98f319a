import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@ct/auth';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { ApiZodResponse } from '@ct/observability';
import { consoleConfig, consoleConfigSchema } from './console-config';

/** The ops console (/console) reads this before sign-in: it holds no secret. */
@ApiTags('console')
@Controller('api/v1/console')
export class ConsoleHttpController {
  constructor(@Inject(APP_ENV) private readonly env: ApiEnv) {}

  @Get('config')
  @Public()
  @ApiOperation({ summary: 'The console’s settings: OpenID Connect client, Temporal UI and gateway URLs' })
  @ApiZodResponse(200, consoleConfigSchema, 'The console’s settings')
  config() {
    return consoleConfig(this.env);
  }
}
