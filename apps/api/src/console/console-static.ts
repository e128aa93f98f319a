import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { consoleConfig, consoleSecurityHeaders } from './console-config';

/**
 * Where `npm run build` puts the console (vite, apps/api/console → dist/console): this file runs
 * from apps/api/src/console (tests, ts) or dist/apps/api/src/console (the build).
 */
export function consoleDir(): string {
  const up = resolve(__dirname, '../../../..');
  const built = join(up, 'console');
  return existsSync(join(built, 'index.html')) ? built : join(up, 'dist', 'console');
}

/** /console: the built files, and index.html for every other path under it (the console's routes). */
export const ConsoleStaticModule = ServeStaticModule.forRootAsync({
  inject: [APP_ENV],
  useFactory: (env: ApiEnv) => {
    const headers = consoleSecurityHeaders(consoleConfig(env));
    return [
      {
        rootPath: consoleDir(),
        serveRoot: '/console',
        serveStaticOptions: {
          index: 'index.html',
          setHeaders: (res: Response, path: string) => {
            for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
            // file names under assets/ carry a content hash; index.html must be fetched anew
            res.setHeader(
              'Cache-Control',
              path.includes(`${join('console', 'assets')}`)
                ? 'public, max-age=31536000, immutable'
                : 'no-cache',
            );
          },
        },
      },
    ];
  },
});
