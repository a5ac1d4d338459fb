/**
 * The REST side of the desk on the HTTP server: the seed's `/support/...` routes, the OpenAPI
 * document at `/openapi.json` and its reference page at `/docs`.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { type Config, ROOT_DIR } from '../config.js';
import type { Logger } from '../logger.js';
import { createDocsRoutes } from './docs.routes.js';
import { createGraphqlRunner, type DeskYoga } from './graphql-runner.js';
import { createOpenApiDocument } from './openapi.js';
import { createSupportRoutes } from './support.routes.js';

/** Handles a request when its path is the REST API's (returns true), else returns false. */
export type RestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  notFound: () => void,
) => boolean;

/** Creates the REST API over the app's Yoga instance and schema. */
export function createRestApi(deps: {
  yoga: DeskYoga;
  schema: GraphQLSchema;
  config: Config;
  logger: Logger;
}): RestHandler {
  const support = createSupportRoutes({
    runner: createGraphqlRunner(deps.yoga),
    logger: deps.logger,
    maxBodyBytes: deps.config.MAX_BODY_BYTES,
    waitTimeoutMs: deps.config.REST_WAIT_TIMEOUT_MS,
  });
  const docs = createDocsRoutes();
  const { version } = JSON.parse(readFileSync(resolve(ROOT_DIR, 'package.json'), 'utf8')) as { version: string };
  const openapi = JSON.stringify(
    createOpenApiDocument(deps.schema, { version, maxWaitSeconds: deps.config.REST_WAIT_TIMEOUT_MS / 1000 }),
  );
  return (req, res, requestId, notFound) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/openapi.json' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(openapi);
      return true;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && docs(req, res, notFound)) return true;
    if (!path.startsWith('/support/')) return false;
    void support(req, res, requestId).then((handled) => {
      if (!handled) notFound();
    });
    return true;
  };
}
