/**
 * GraphQL hardening as Yoga plugins: depth, cost, alias, directive and token limits
 * (graphql-armor), introspection off unless allowed, CSRF prevention.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';

/** A validation rule whose errors carry a code. */
function coded(rule: ValidationRule, code: string): ValidationRule {
  return (context) =>
    rule(
      new Proxy(context, {
        get(target, prop, receiver) {
          if (prop === 'reportError')
            return (err: GraphQLError) =>
              target.reportError(new GraphQLError(err.message, { nodes: err.nodes, extensions: { code } }));
          const v = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      }),
    );
}

/** The hardening plugins for a config. */
export function hardeningPlugins(config: Config): Plugin[] {
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
      costLimit: { maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: true },
      maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
      maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
      maxTokens: { n: config.GRAPHQL_MAX_TOKENS },
      blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
    }) as Plugin,
    useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'authorization'] }),
  ];
  if (!config.introspection) {
    plugins.push({
      onValidate({ addValidationRule }) {
        addValidationRule(coded(NoSchemaIntrospectionCustomRule, 'FORBIDDEN'));
      },
    });
  }
  return plugins;
}
