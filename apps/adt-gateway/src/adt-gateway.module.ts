import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from '@ct/auth';
import { gatewayEnvSchema } from '@ct/config';
import { appFoundation, ProblemDetailsFilter } from '@ct/observability';
import { ProcessMessageHandler } from './fhir/process-message.handler';
import { ProcessMessageHttpController } from './fhir/process-message.http.controller';
import { Hl7HttpController } from './http/hl7.http.controller';
import { InboundArchive } from './ingest/inbound-archive';
import { HandOffService } from './ingest/hand-off.service';
import { IngestMessageHandler } from './ingest/ingest-message.handler';
import { IngestMetrics } from './ingest/ingest.metrics';
import { RejectMessageService } from './ingest/reject-message.service';
import { MllpListenerService } from './mllp/mllp-listener.service';
import { ListQuarantineHandler } from './quarantine/list-quarantine.handler';
import { QuarantineHttpController } from './quarantine/quarantine.http.controller';
import { ReplayMessageHandler } from './quarantine/replay-message.handler';

@Module({
  imports: [...appFoundation(gatewayEnvSchema, ['postgres', 'kafka']), AuthModule],
  controllers: [Hl7HttpController, ProcessMessageHttpController, QuarantineHttpController],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    InboundArchive,
    IngestMetrics,
    IngestMessageHandler,
    ProcessMessageHandler,
    HandOffService,
    RejectMessageService,
    ListQuarantineHandler,
    ReplayMessageHandler,
    MllpListenerService,
  ],
})
export class AdtGatewayModule {}
