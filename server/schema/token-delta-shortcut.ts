/**
 * Token deltas are most of a case stream's events, and a subscriber's selection on them is a few
 * leaf fields (seq, text, ...). For such a selection the result of an event is built directly, in
 * the order GraphQL would give, instead of running the executor per token: the same JSON, a
 * fraction of the work. Any selection it cannot mirror exactly (directives, arguments, nested
 * fields, conflicting aliases, an event with a missing value) is left to the executor.
 */
import {
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  GraphQLID,
  type GraphQLScalarType,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/** The result of one event, or undefined when the executor must run. */
export type EventShortcut = (payload: unknown) => ExecutionResult | undefined;

const TYPE = 'TokenDelta';
const ROOT_FIELD = 'caseEvents';
/** Type conditions a TokenDelta matches. */
const MATCHING = new Set([TYPE, 'CaseEvent']);

type Read = (e: Record<string, unknown>) => unknown;

/** How each leaf of TokenDelta reads and serialises its value (null: missing, the executor reports it). */
function leafReaders(schema: GraphQLSchema): Map<string, Read> {
  const dateTime = schema.getType('DateTime') as GraphQLScalarType | undefined;
  const id = (k: string) => (e: Record<string, unknown>) => (e[k] == null ? null : GraphQLID.serialize(e[k]));
  const str = (k: string) => (e: Record<string, unknown>) => (typeof e[k] === 'string' ? e[k] : null);
  const readers = new Map<string, Read>([
    ['__typename', () => TYPE],
    ['seq', (e) => (Number.isInteger(e.seq) ? e.seq : null)],
    ['caseId', id('caseId')],
    ['messageId', id('messageId')],
    ['agent', str('agent')],
    ['text', str('text')],
  ]);
  if (dateTime) readers.set('at', (e) => (e.at == null ? null : dateTime.serialize(e.at)));
  // Only fields the schema really has on TokenDelta, so a renamed field falls back to the executor.
  const fields = (schema.getType(TYPE) as { getFields?: () => Record<string, unknown> } | undefined)?.getFields?.();
  for (const name of [...readers.keys()]) if (name !== '__typename' && !fields?.[name]) readers.delete(name);
  return readers;
}

/**
 * The leaves selected on a TokenDelta, as [response key, reader] in response order, or null when
 * the selection is not one this shortcut mirrors.
 */
function collectLeaves(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  readers: Map<string, Read>,
  out: Map<string, { field: string; read: Read }>,
  seen: Set<string>,
): boolean {
  for (const s of set.selections) {
    if (s.directives?.length) return false;
    if (s.kind === Kind.FIELD) {
      if (s.arguments?.length || s.selectionSet) return false;
      const read = readers.get(s.name.value);
      if (!read) return false;
      const key = s.alias?.value ?? s.name.value;
      const had = out.get(key);
      if (had && had.field !== s.name.value) return false;
      if (!had) out.set(key, { field: s.name.value, read });
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      const on = s.typeCondition?.name.value;
      if (on && !MATCHING.has(on)) continue;
      if (!collectLeaves(s.selectionSet, fragments, readers, out, seen)) return false;
    } else {
      const name = s.name.value;
      const f = fragments.get(name);
      if (!f) return false;
      if (f.directives?.length) return false;
      if (!MATCHING.has(f.typeCondition.name.value) || seen.has(name)) continue;
      seen.add(name);
      if (!collectLeaves(f.selectionSet, fragments, readers, out, seen)) return false;
    }
  }
  return true;
}

/** Builds the shortcut for a subscription document, or null when it does not apply. */
export function createTokenDeltaShortcut(schema: GraphQLSchema) {
  const readers = leafReaders(schema);
  return (document: DocumentNode, operationName?: string | null): EventShortcut | null => {
    const op = getOperationAST(document, operationName);
    if (op?.operation !== 'subscription' || op.directives?.length) return null;
    const [root, ...rest] = op.selectionSet.selections;
    if (rest.length || root?.kind !== Kind.FIELD || root.name.value !== ROOT_FIELD || root.directives?.length)
      return null;
    if (!root.selectionSet) return null;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const leaves = new Map<string, { field: string; read: Read }>();
    if (!collectLeaves(root.selectionSet, fragments, readers, leaves, new Set())) return null;
    const rootKey = root.alias?.value ?? ROOT_FIELD;
    const plan = [...leaves].map(([key, { read }]) => [key, read] as const);
    return (payload) => {
      const e = payload as Record<string, unknown> | null;
      if (e?.type !== 'TOKEN_DELTA') return undefined;
      const obj: Record<string, unknown> = {};
      for (const [key, read] of plan) {
        const v = read(e);
        if (v === null || v === undefined) return undefined;
        obj[key] = v;
      }
      return { data: { [rootKey]: obj } };
    };
  };
}
