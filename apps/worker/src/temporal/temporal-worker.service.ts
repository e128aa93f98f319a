import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { PinoLogger } from 'nestjs-pino';
import { APP_ENV, type WorkerEnv } from '@ct/config';
import { assertPathwaysValid, PATHWAYS } from '@ct/domain';
import { TasksActivities } from '../tasks/tasks.activities';
import { installTemporalRuntime } from './temporal-runtime';
import { workflowBundleOptions } from './workflow-bundle';

/**
 * Runs the Temporal worker for the app's lifetime. On shutdown it stops polling, lets running
 * activities finish, and only then lets Nest close the database.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(APP_ENV) private readonly env: WorkerEnv,
    private readonly tasks: TasksActivities,
    private readonly pino: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // the workflows take the definitions as they are: a bad one stops the worker here, with its reason
    assertPathwaysValid(PATHWAYS);
    installTemporalRuntime(this.pino.logger, { metricsAddress: this.env.TEMPORAL_METRICS_ADDRESS });
    this.connection = await NativeConnection.connect({ address: this.env.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.env.TEMPORAL_NAMESPACE,
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      activities: this.tasks.asActivities(),
      shutdownGraceTime: `${this.env.SHUTDOWN_GRACE_MS} ms`,
      ...workflowBundleOptions(),
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error(`worker stopped with an error: ${String(error)}`);
      if (!this.stopping) process.exitCode = 1;
      throw error;
    });
    this.logger.log(`polling task queue ${this.env.TEMPORAL_TASK_QUEUE}`);
  }

  get state(): string {
    return this.worker?.getState() ?? 'not started';
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
