/**
 * crewdesk's own GraphiQL (client/graphiql, built by Vite): its page, which Yoga answers at
 * `/graphql` for a browser, and its files under `/graphiql/`. No CDN is involved.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>crewdesk · GraphiQL</title>
<p>GraphiQL has not been built. Run <code>npm run web:build</code> (or <code>npm start</code>, which builds it), then reload.</p>`;

/** The page and a handler for its files; `dir` is client/graphiql/dist. */
export function createGraphiqlRoutes(dir: string) {
  const index = `${dir}/index.html`;
  let page: string | null = null;
  const files = existsSync(dir)
    ? sirv(dir, {
        etag: true,
        setHeaders: (res, path) => {
          res.setHeader('x-content-type-options', 'nosniff');
          if (path.startsWith('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        },
      })
    : null;
  return {
    /** The HTML Yoga renders for GraphiQL (read once, after the build). */
    render(): string {
      page ??= existsSync(index) ? readFileSync(index, 'utf8') : null;
      return page ?? NOT_BUILT;
    },
    /** Serves `/graphiql/...` files; returns false for other paths. */
    handle(req: IncomingMessage, res: ServerResponse, next: () => void): boolean {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (!path.startsWith('/graphiql/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      if (!files || path === '/graphiql/index.html') {
        next();
        return true;
      }
      req.url = path.slice('/graphiql'.length);
      files(req, res, next);
      return true;
    },
  };
}
