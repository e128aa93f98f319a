import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { APP_ENV, apiEnvSchema, validateEnv } from '@ct/config';
import { ProblemDetailsFilter } from '@ct/observability';
import { AuthModule } from './auth.module';
import { Actor, Public, RequireRoles } from './decorators';
import { Role, type Principal } from './roles';
import { LocalIssuer } from './testing';

@Controller('probe')
@RequireRoles(Role.Coordinator)
class ProbeController {
  @Get('open')
  @Public()
  open() {
    return { ok: true };
  }

  @Get('mine')
  mine(@Actor() actor: Principal) {
    return actor;
  }

  @Get('ops')
  @RequireRoles(Role.Ops)
  ops() {
    return { ok: true };
  }
}

class TestEnvModule {}

describe('AuthGuard', () => {
  let dir: string;
  let issuer: LocalIssuer;
  let app: INestApplication;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ct-auth-guard-'));
    issuer = await LocalIssuer.open(dir);
    const env = validateEnv(apiEnvSchema, { DATABASE_URL: 'postgres://u:p@127.0.0.1/db', ...issuer.env });
    const moduleRef = await Test.createTestingModule({
      imports: [
        {
          module: TestEnvModule,
          global: true,
          providers: [{ provide: APP_ENV, useValue: env }],
          exports: [APP_ENV],
        },
        AuthModule,
      ],
      controllers: [ProbeController],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const bearer = async (roles: Role[], subject = 'u-7') => `Bearer ${await issuer.token({ roles, subject })}`;

  it('lets anyone reach a public route', async () => {
    await request(app.getHttpServer()).get('/probe/open').expect(200, { ok: true });
  });

  it('answers 401 with a problem and a Bearer challenge when there is no token', async () => {
    const response = await request(app.getHttpServer()).get('/probe/mine').expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="care-transitions"');
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      type: 'https://care-transitions.dev/problems/unauthenticated',
      status: 401,
      detail: expect.stringContaining('Authorization: Bearer'),
    });
    await request(app.getHttpServer()).get('/probe/mine').set('authorization', 'Basic dTpw').expect(401);
  });

  it('answers 401 naming what is wrong with a bad token, without echoing it', async () => {
    const expired = await issuer.token({ roles: [Role.Coordinator], expiresAt: 1_000_000 });
    const response = await request(app.getHttpServer())
      .get('/probe/mine')
      .set('authorization', `Bearer ${expired}`)
      .expect(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    expect(response.body.detail).toContain('has expired');
    expect(JSON.stringify(response.body)).not.toContain(expired.split('.')[1]);
  });

  it('answers 403 when the token lacks the role, the route overriding its controller', async () => {
    const coordinator = await bearer([Role.Coordinator]);
    const response = await request(app.getHttpServer())
      .get('/probe/ops')
      .set('authorization', coordinator)
      .expect(403);
    expect(response.body).toMatchObject({ status: 403, detail: 'This needs the role ops' });
    await request(app.getHttpServer())
      .get('/probe/ops')
      .set('authorization', await bearer([Role.Ops]))
      .expect(200);
    await request(app.getHttpServer())
      .get('/probe/mine')
      .set('authorization', await bearer([Role.Ops]))
      .expect(403);
  });

  it('hands the verified caller to the route', async () => {
    await request(app.getHttpServer())
      .get('/probe/mine')
      .set('authorization', await bearer([Role.Coordinator], 'nurse-42'))
      .expect(200, { subject: 'nurse-42', roles: [Role.Coordinator], facilities: ['*'], teams: [] });
  });
});
