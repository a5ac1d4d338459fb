/**
 * One log line per GraphQL operation, from the request's own logger (so it carries the request
 * id): operation, duration and error codes; unexpected errors are logged here with their cause.
 */
import { type DocumentNode, type GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.js';
import { AppError } from './errors.js';

/** The operation's name as the client gave it (or as the document names it), or null when anonymous. */
export function operationName(args: { operationName?: string | null; document: DocumentNode }): string | null {
  return args.operationName ?? getOperationAST(args.document, args.operationName)?.name?.value ?? null;
}

/** The code of an error as the client will see it (`extensions.code` after masking). */
export function errorCode(e: GraphQLError): string {
  const original = e.originalError;
  if (original instanceof AppError) return original.code;
  if (original) return 'INTERNAL_SERVER_ERROR';
  return String(e.extensions?.code ?? 'GRAPHQL_ERROR');
}

function logErrors(ctx: GraphQLContext, errors: readonly GraphQLError[] | undefined): string[] {
  const codes: string[] = [];
  for (const e of errors ?? []) {
    const code = errorCode(e);
    if (code === 'INTERNAL_SERVER_ERROR' && e.originalError && !(e.originalError instanceof AppError))
      ctx.logger.error({ err: e.originalError, path: e.path?.join('.') }, 'internal error');
    codes.push(code);
  }
  return codes;
}

/** The Yoga plugin. */
export function useOperationLog(): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const started = performance.now();
      const ctx = args.contextValue as GraphQLContext;
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) && !('data' in result)) return;
          const single = result as { errors?: readonly GraphQLError[] };
          const codes = logErrors(ctx, single.errors);
          ctx.logger.info(
            {
              operation: operationName(args),
              actor: ctx.actor?.id ?? null,
              ms: Math.round(performance.now() - started),
              errors: codes.length ? codes : undefined,
            },
            'graphql operation',
          );
        },
      };
    },
    onSubscribe({ args }) {
      const ctx = args.contextValue as GraphQLContext;
      ctx.logger.info({ operation: operationName(args), actor: ctx.actor?.id ?? null }, 'graphql subscription');
      return {
        onSubscribeError({ error }) {
          logErrors(ctx, [error as GraphQLError]);
        },
      };
    },
  };
}
