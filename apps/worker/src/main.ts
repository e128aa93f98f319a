import 'reflect-metadata';
import { runApp } from '@ct/observability';
import { WorkerModule } from './worker.module';

runApp('worker', WorkerModule);
