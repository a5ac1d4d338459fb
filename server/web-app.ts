/**
 * Serves the built web app (client/web/dist) at `/` with sirv: hashed assets cached, index.html
 * for client-side routes. Nothing is served when the app has not been built.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/** A request handler for the web app, or null when `dir` holds no build. */
export function createWebAppHandler(
  dir: string,
): ((req: IncomingMessage, res: ServerResponse, next: () => void) => void) | null {
  if (!existsSync(`${dir}/index.html`)) return null;
  return sirv(dir, {
    single: true,
    etag: true,
    gzip: false,
    setHeaders: (res, path) => {
      res.setHeader('x-content-type-options', 'nosniff');
      if (path.startsWith('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
    },
  });
}
