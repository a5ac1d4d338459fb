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

// Where a customer's country is served from (the regions incidents name).
const REGION_BY_COUNTRY: Record<string, string> = {
  US: 'us',
  CA: 'ca-central',
  MX: 'us',
};
const EUROPE = new Set(
  'AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(' '),
);

/** Whether an incident's regions include the customer's country (unknown country: every region). */
function affects(regions: string[], country: string | null | undefined): boolean {
  if (!country) return true;
  const c = country.toUpperCase();
  const region = REGION_BY_COUNTRY[c] ?? (EUROPE.has(c) ? 'eu' : null);
  if (!region) return true;
  return regions.some((r) => r === region || r.startsWith(`${region}-`));
}

export const getServiceStatusTool = defineTool({
  name: 'get_service_status',
  description:
    'Current service incidents and maintenance in the customer’s region, and those resolved in the last 7 days. Incidents elsewhere are listed apart: they do not affect this customer.',
  input: z.object({ component: z.enum(['api', 'app', 'mesh-cloud', 'payments', 'dashboard']).optional() }),
  async run(input, ctx) {
    // The customer comes from the case (ctx.data is scoped to it), never from the model.
    const [customer, incidents] = await Promise.all([ctx.data.customer(), ctx.data.incidents(7)]);
    const country = customer?.country ?? null;
    const rows = incidents.filter((i) => !input.component || i.component === input.component);
    const activeAll = rows.filter((i) => i.resolvedAt === null && i.status !== 'operational');
    const active = activeAll.filter((i) => affects(i.regions, country));
    const view = (i: (typeof rows)[number]) => ({
      component: i.component,
      status: i.status,
      title: i.title,
      regions: i.regions,
      since: day(i.startedAt),
    });
    return {
      country,
      overall: active.some((i) => i.status === 'outage') ? 'outage' : active.length ? 'degraded' : 'operational',
      active: active.map(view),
      elsewhere: activeAll.filter((i) => !affects(i.regions, country)).map(view),
      recentlyResolved: rows
        .filter((i) => i.resolvedAt !== null && affects(i.regions, country))
        .map((i) => ({ component: i.component, title: i.title, resolved: day(i.resolvedAt) })),
    };
  },
});

export const escalateToHumanTool = defineTool({
  name: 'escalate_to_human',
  description:
    'Hand the case to a human operator, with the reason. Use for complaints, legal or safety issues, fraud, policy exceptions (HIGH; URGENT for emergencies), or when the customer asks for a person (NORMAL).',
  input: z.object({
    reason: z.string().min(3).max(500),
    priority: z.enum(['NORMAL', 'HIGH', 'URGENT']).default('HIGH'),
  }),
  async run(input, ctx) {
    const result = await ctx.desk.escalate(input.reason, input.priority);
    return { escalated: true, ...result };
  },
});
