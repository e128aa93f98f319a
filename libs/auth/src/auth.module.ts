import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_ENV, type AuthEnv } from '@ct/config';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/** Bearer-token authentication on every route of the app that imports it (see AuthGuard). */
@Module({
  providers: [
    { provide: TokenVerifier, inject: [APP_ENV], useFactory: (env: AuthEnv) => TokenVerifier.fromEnv(env) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
