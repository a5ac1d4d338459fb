/**
 * Gives GraphQL's own input errors the codes clients expect: a variable that does not coerce
 * (bad enum, wrong type, missing field) or a literal of the wrong type is BAD_USER_INPUT, with the
 * field named when GraphQL says which; a query over the depth, cost, alias, directive or token
 * limits is QUERY_TOO_COMPLEX.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const VALUE_PROBLEM =
  /^(Variable "\$|Value "|Expected value of type|Field "[^"]+" of required type|Argument "[^"]+" of (required|non-null) type|Enum "[^"]+" cannot represent|Int cannot represent|Float cannot represent|String cannot represent|Boolean cannot represent|ID cannot represent)/;

const TOO_COMPLEX = /(depth limit|Query Cost limit|Aliases limit|Directives limit|Token limit)/i;

/** Adds the code GraphQL's own input and limit errors lack (other errors come back unchanged). */
export function recode<E extends Error>(e: E): E | GraphQLError {
  if (!(e instanceof GraphQLError)) return e;
  if (
    TOO_COMPLEX.test(e.message) &&
    (!e.extensions?.code || /^GRAPHQL_(PARSE|VALIDATION)_FAILED$/.test(String(e.extensions.code)))
  ) {
    return new GraphQLError(e.message, {
      nodes: e.nodes,
      source: e.source,
      positions: e.positions,
      extensions: { ...e.extensions, code: 'QUERY_TOO_COMPLEX' },
    });
  }
  if (!VALUE_PROBLEM.test(e.message)) return e;
  const err = e;
  const at = /at "([^"]+)"/.exec(err.message)?.[1];
  const field = at ? at.split('.').pop() : /Field "([^"]+)"/.exec(err.message)?.[1];
  return new GraphQLError(err.message, {
    nodes: err.nodes,
    source: err.source,
    positions: err.positions,
    path: err.path,
    originalError: err.originalError,
    extensions: { ...err.extensions, code: 'BAD_USER_INPUT', ...(field ? { field } : {}) },
  });
}

/** The Yoga/envelop plugin. */
export function useInputErrorCodes(): Plugin {
  const fix = (errors: readonly GraphQLError[] | undefined) => errors?.map(recode);
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map((e) => recode(e) as GraphQLError));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length || result.data) return;
          setResult({ ...result, errors: fix(result.errors) });
        },
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ result, setResult }) {
          if ('errors' in result && result.errors?.length && !('data' in result && result.data))
            setResult({ ...result, errors: fix(result.errors) } as typeof result);
        },
      };
    },
  };
}
