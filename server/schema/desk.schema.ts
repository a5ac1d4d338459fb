/** The agents as data, and the desk's live status. */
import { builder } from './builder.js';
import { CaseStatusEnum } from './case.schema.js';

const ToolInfo = builder.simpleObject('ToolInfo', { fields: (t) => ({ name: t.string(), description: t.string() }) });

const AgentType = builder.simpleObject('Agent', {
  description: 'An agent of the desk, as configured',
  fields: (t) => ({
    name: t.string(),
    title: t.string(),
    role: t.string(),
    goal: t.string(),
    backstory: t.string(),
    capabilities: t.stringList(),
    policies: t.stringList(),
    tools: t.field({ type: [ToolInfo] }),
    handoffs: t.stringList(),
  }),
});

const AgentStatsType = builder.simpleObject('AgentStats', {
  description:
    'An agent’s figures: handled answers and average timings from the stored answers (they survive a restart); active runs and errors since the desk started',
  fields: (t) => ({
    agent: t.string(),
    handled: t.int(),
    active: t.int(),
    errors: t.int(),
    avgTimeToFirstTokenMs: t.int({ nullable: true }),
    avgTimeToAnswerMs: t.int({ nullable: true }),
  }),
});

const StatusCount = builder.simpleObject('CaseStatusCount', {
  fields: (t) => ({ status: t.field({ type: CaseStatusEnum }), count: t.int() }),
});

const AgentModel = builder.simpleObject('AgentModel', { fields: (t) => ({ agent: t.string(), model: t.string() }) });

const DeskStatusType = builder.simpleObject('DeskStatus', {
  fields: (t) => ({
    models: t.field({ type: [AgentModel], description: 'The model each agent runs on' }),
    routerModel: t.string({
      nullable: true,
      description: 'The model for routing and guardrails (null on the embedded path)',
    }),
    totalTokens: t.int(),
    totalCostUsd: t.float(),
    agents: t.field({ type: [AgentStatsType] }),
    queueDepth: t.int({ description: 'Cases waiting for an agent' }),
    activeRuns: t.int({ description: 'Cases being answered now' }),
    casesByStatus: t.field({ type: [StatusCount] }),
    provider: t.string(),
    model: t.string(),
    startedAt: t.field({ type: 'DateTime' }),
    uptimeSeconds: t.int(),
  }),
});

const BrandingType = builder.simpleObject('Branding', {
  description: 'The company the desk answers for, as configured (COMPANY_NAME, BRAND_COLOR, SUPPORT_HOURS)',
  fields: (t) => ({
    companyName: t.string(),
    brandColor: t.string({ description: 'A CSS hex colour, e.g. #0b57a4' }),
    supportHours: t.string({ description: 'When human operators answer, as plain text' }),
  }),
});

builder.queryFields((t) => ({
  branding: t.field({
    type: BrandingType,
    description: 'The company name, colour and support hours for a page that shows the desk (no token needed)',
    resolve: (_r, _a, ctx) => ({
      companyName: ctx.config.COMPANY_NAME,
      brandColor: ctx.config.BRAND_COLOR,
      supportHours: ctx.config.SUPPORT_HOURS,
    }),
  }),
  agents: t.field({
    type: [AgentType],
    authScopes: { authenticated: true },
    resolve: (_r, _a, ctx) => ctx.desk.agents(),
  }),
  deskStatus: t.field({
    type: DeskStatusType,
    authScopes: { staff: true },
    resolve: (_r, _a, ctx) => ctx.desk.status(),
  }),
  health: t.string({ description: 'Always "ok" while the server answers', resolve: () => 'ok' }),
}));
