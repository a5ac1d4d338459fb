/**
 * Serves the built web app (client/web/dist) with sirv: hashed assets cached, index.html for the
 * app's own routes only. Nothing is served when the app has not been built; any other path is
 * left to `next` (a 404), so that `/metrics` or a typo never answers with the app's HTML.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/** Client-side routes that answer with index.html (the app routes by hash, `/operator` is a shortcut). */
const APP_ROUTES = new Set(['/', '/index.html', '/operator', '/operator/']);

/** A request handler for the web app, or null when `dir` holds no build. */
export function createWebAppHandler(
  dir: string,
): ((req: IncomingMessage, res: ServerResponse, next: () => void) => void) | null {
  if (!existsSync(`${dir}/index.html`)) return null;
  const files = sirv(dir, {
    single: false,
    etag: true,
    gzip: false,
    setHeaders: (res, path) => {
      res.setHeader('x-content-type-options', 'nosniff');
      if (path.startsWith('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
    },
  });
  return (req, res, next) => {
    const [path, query] = (req.url ?? '/').split('?', 2);
    // sirv answers a file that exists and calls `next` for anything else.
    if (APP_ROUTES.has(path)) req.url = `/index.html${query === undefined ? '' : `?${query}`}`;
    files(req, res, next);
  };
}
