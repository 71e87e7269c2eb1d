import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@app/config';
import { RedisClient } from '@app/queues';
import { Clock } from '../common/clock';
import { AuthGuard } from './auth.guard';
import { CallerCache } from './caller-cache';
import { PasswordHasher } from './password-hasher';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RolesGuard } from './roles.guard';
import { TokenService } from './token.service';
import { UnknownLoginFailures } from './unknown-login-failures';

/** Authentication for every route: the global AuthGuard then RolesGuard, tokens, hashing, login rate limit. */
@Global()
@Module({
  imports: [
    JwtModule.register({}),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, RedisClient],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute }],
        storage: new RedisThrottlerStorage(redis, config),
      }),
    }),
  ],
  providers: [
    CallerCache,
    Clock,
    PasswordHasher,
    TokenService,
    UnknownLoginFailures,
    // Order matters: authenticate, then check the role.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [CallerCache, Clock, PasswordHasher, TokenService, UnknownLoginFailures],
})
export class AuthModule {}
