import 'reflect-metadata';
import { runApp } from '@ct/observability';
import { ApiModule } from './api.module';
import { setUpSwagger } from './swagger';

runApp('api', ApiModule, setUpSwagger);
