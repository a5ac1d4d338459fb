/** Knowledge-base search, service status and hand-over to a human. */
import { z } from 'zod';
import { day, defineTool } from './tool.js';

export const searchKnowledgeBaseTool = defineTool({
  name: 'search_knowledge_base',
  description: "Search the company's help articles and policies. Cite the articles you use by title.",
  input: z.object({ query: z.string().min(2).max(500), limit: z.number().int().min(1).max(5).default(3) }),
  async run(input, ctx) {
    const hits = ctx.kb.search(input.query, { limit: input.limit, route: ctx.route });
    return { count: hits.length, articles: hits };
  },
});

export const getServiceStatusTool = defineTool({
  name: 'get_service_status',
  description: 'Current service incidents and maintenance, and those resolved in the last 7 days.',
  input: z.object({ component: z.enum(['api', 'app', 'mesh-cloud', 'payments', 'dashboard']).optional() }),
  async run(input, ctx) {
    const rows = (await ctx.data.incidents(7)).filter((i) => !input.component || i.component === input.component);
    const active = rows.filter((i) => i.resolvedAt === null && i.status !== 'operational');
    return {
      overall: active.some((i) => i.status === 'outage') ? 'outage' : active.length ? 'degraded' : 'operational',
      active: active.map((i) => ({
        component: i.component,
        status: i.status,
        title: i.title,
        regions: i.regions,
        since: day(i.startedAt),
      })),
      recentlyResolved: rows
        .filter((i) => i.resolvedAt !== null)
        .map((i) => ({ component: i.component, title: i.title, resolved: day(i.resolvedAt) })),
    };
  },
});

export const escalateToHumanTool = defineTool({
  name: 'escalate_to_human',
  description:
    'Hand the case to a human operator, with the reason. Use for complaints, legal or safety issues, fraud, policy exceptions, or when the customer asks for a person.',
  input: z.object({ reason: z.string().min(3).max(500), priority: z.enum(['HIGH', 'URGENT']).default('HIGH') }),
  async run(input, ctx) {
    const result = await ctx.desk.escalate(input.reason, input.priority);
    return { escalated: true, ...result };
  },
});
