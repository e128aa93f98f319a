import 'reflect-metadata';
import { runApp } from '@ct/observability';
import { OrchestratorModule } from './orchestrator.module';

runApp('orchestrator', OrchestratorModule);
