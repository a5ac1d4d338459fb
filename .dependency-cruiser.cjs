/**
 * The one-way flow as a check: transport -> schema -> desk -> agents/providers -> persistence/events.
 * `npm run lint` runs it (depcruise); a forbidden import fails CI with the rule's name and comment.
 */
const GRAPHQL_PACKAGES =
  '^(graphql|graphql-yoga|graphql-ws|@graphql-yoga|@pothos|@escape\\.tech/graphql-armor|graphql-rate-limit)($|/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No circular imports anywhere: modules form a tree (split or move the shared part).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'agents-providers-no-graphql',
      severity: 'error',
      comment: 'Agents and providers never see GraphQL: not server/schema, not any GraphQL package.',
      from: { path: '^server/(agents|providers)/' },
      to: { path: ['^server/schema/', GRAPHQL_PACKAGES] },
    },
    {
      name: 'desk-no-graphql',
      severity: 'error',
      comment: 'The desk is the domain under the schema: it never imports server/schema or GraphQL packages.',
      from: { path: '^server/desk/' },
      to: { path: ['^server/schema/', GRAPHQL_PACKAGES] },
    },
    {
      name: 'providers-no-db',
      severity: 'error',
      comment: 'Providers never see the database; tools (in server/agents) read it for them.',
      from: { path: '^server/providers/' },
      to: { path: ['^server/db/', '^@mikro-orm/'] },
    },
    {
      name: 'providers-no-desk-or-agents',
      severity: 'error',
      comment: 'Providers sit under the agents: they never reach back up into the desk or the agents.',
      from: { path: '^server/providers/' },
      to: { path: '^server/(desk|agents)/' },
    },
    {
      name: 'agents-no-desk',
      severity: 'error',
      comment: 'Agents sit under the desk: the desk calls them, never the other way round.',
      from: { path: '^server/agents/' },
      to: { path: '^server/desk/' },
    },
    {
      name: 'db-no-desk-or-agents',
      severity: 'error',
      comment: 'Persistence is the bottom layer: server/db imports neither server/desk nor server/agents.',
      from: { path: '^server/db/' },
      to: { path: '^server/(desk|agents|schema|providers)/' },
    },
    {
      name: 'security-no-desk',
      severity: 'error',
      comment: 'Security helpers are used by the desk and the transport, so they never import server/desk.',
      from: { path: '^server/security/' },
      to: { path: '^server/(desk|schema)/' },
    },
    {
      name: 'schema-only-through-desk',
      severity: 'error',
      comment: 'Resolvers call desk services; they do not run agents or providers themselves.',
      from: { path: '^server/schema/' },
      to: { path: '^server/(agents|providers)/' },
    },
    {
      name: 'http-is-transport',
      comment:
        'server/http (REST routes, API docs, GraphiQL files) is transport: it runs GraphQL operations through Yoga and never reaches the desk, agents, providers or the database itself.',
      severity: 'error',
      from: { path: '^server/http/' },
      to: { path: '^server/(desk|agents|providers|db)/' },
    },
    {
      name: 'nothing-below-imports-http',
      severity: 'error',
      comment: 'server/http sits at the top with the other transports: only app.ts wires it in.',
      from: { path: '^server/', pathNot: '^server/(http/|app\\.ts$)' },
      to: { path: '^server/http/' },
    },
    {
      name: 'client-no-server',
      severity: 'error',
      comment: 'Clients talk to the server over its API only: nothing under client/ imports server/.',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-no-tests-or-scripts',
      severity: 'error',
      comment: 'Shipped code never imports the tests, their helpers or the scripts.',
      from: { path: '^(server|client)/' },
      to: { path: '^(test|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-undeclared-dependency',
      severity: 'error',
      comment: 'Every package imported is declared in package.json (not only present in node_modules).',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'shipped-code-no-dev-dependency',
      severity: 'error',
      comment: 'What `npm start` runs must not need a devDependency (types-only imports are fine).',
      from: { path: '^server/', pathNot: '\\.d\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|client/dist|client/web/dist|client/graphiql/dist|data)/' },
    tsPreCompilationDeps: true,
    // client/package.json (the published client) declares the client's own packages; the root's cover the rest.
    combinedDependencies: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
