/**
 * The REST API's reference page at `/docs`: Swagger UI from the swagger-ui-dist package, served
 * by the desk (no CDN), reading `/openapi.json`.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import sirv from 'sirv';

/** Swagger UI's files on disk. */
const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crewdesk REST API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

// A file rather than an inline script, so a strict Content-Security-Policy can allow it.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  validatorUrl: null,
  tryItOutEnabled: true,
});
`;

/** A handler for `/docs`, `/docs/init.js` and `/docs/assets/*`; returns false for other paths. */
export function createDocsRoutes() {
  const assets = sirv(SWAGGER_DIR, {
    etag: true,
    setHeaders: (res) => res.setHeader('cache-control', 'public, max-age=3600'),
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void): boolean => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/docs' || path === '/docs/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(PAGE);
      return true;
    }
    if (path === '/docs/init.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(INIT);
      return true;
    }
    if (path.startsWith('/docs/assets/')) {
      req.url = path.slice('/docs/assets'.length);
      assets(req, res, next);
      return true;
    }
    return false;
  };
}
