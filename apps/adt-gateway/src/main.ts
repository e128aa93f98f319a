import 'reflect-metadata';
import { runApp } from '@ct/observability';
import { AdtGatewayModule } from './adt-gateway.module';
import { configureHttp } from './configure-http';

runApp('adt-gateway', AdtGatewayModule, configureHttp);
