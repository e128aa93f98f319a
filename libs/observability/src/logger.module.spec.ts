import { Controller, Get, Logger as NestLogger, UseFilters, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import type { Options } from 'pino-http';
import request from 'supertest';
import { APP_ENV } from '@ct/config';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { AppLoggerModule } from './logger.module';
import { captureLogs, invalidUuid, MRN_DIGITS, uniqueViolation } from './logging/testing';

@Controller('probe')
class ProbeController {
  private readonly logger = new NestLogger('Probe');

  @Get('unhandled')
  unhandled() {
    throw uniqueViolation();
  }

  @Get('filtered')
  @UseFilters(ProblemDetailsFilter)
  filtered() {
    throw invalidUuid();
  }

  @Get('nest-logger')
  nestLogger() {
    const error = invalidUuid();
    this.logger.error(error);
    this.logger.error(error, error.stack);
    this.logger.error(error.message, error.stack);
    this.logger.warn(`lookup failed: ${String(error)}`);
    return { ok: true };
  }
}

class TestEnvModule {}

describe('AppLoggerModule in a Nest app', () => {
  const capture = captureLogs();
  let app: INestApplication;

  beforeAll(async () => {
    // the app's own logger options, written to memory instead of stdout
    const pinoHttpModule = jest.requireActual<typeof import('pino-http')>('pino-http');
    const { pinoHttp } = pinoHttpModule;
    jest
      .spyOn(pinoHttpModule, 'pinoHttp')
      .mockImplementation((options) =>
        pinoHttp<unknown, unknown>(options as Options<unknown, unknown>, capture.stream),
      );
    const moduleRef = await Test.createTestingModule({
      imports: [
        {
          module: TestEnvModule,
          global: true,
          providers: [{ provide: APP_ENV, useValue: { LOG_LEVEL: 'info' } }],
          exports: [APP_ENV],
        },
        AppLoggerModule,
      ],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    jest.restoreAllMocks();
  });
  beforeEach(() => capture.lines.splice(0));

  const linesFrom = (context: string) => capture.parsed().filter((line) => line.context === context);

  it("scrubs Nest's own log line for an unhandled error", async () => {
    await request(app.getHttpServer()).get('/probe/unhandled').expect(500);
    const [line] = linesFrom('ExceptionsHandler');
    expect(line).toMatchObject({ err: { type: 'QueryFailedError', code: '23505' } });
    expect(capture.lines.join('')).not.toContain(MRN_DIGITS);
  });

  it('scrubs the problem-details filter line', async () => {
    await request(app.getHttpServer()).get('/probe/filtered').expect(500);
    const [line] = linesFrom('ProblemDetailsFilter');
    expect(line).toMatchObject({ err: { type: 'QueryFailedError', code: '22P02' }, msg: 'request failed' });
    expect(capture.lines.join('')).not.toContain(MRN_DIGITS);
  });

  it("scrubs Nest's Logger called with an error, an error and a stack, a message and a stack", async () => {
    await request(app.getHttpServer()).get('/probe/nest-logger').expect(200);
    const lines = linesFrom('Probe');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ err: { type: 'QueryFailedError', code: '22P02' } });
    expect(capture.lines.join('')).not.toContain(MRN_DIGITS);
  });
});
