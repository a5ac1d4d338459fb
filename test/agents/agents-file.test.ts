import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentsFileError, loadAgentsFile } from '../../server/agents/definitions/agents-file.js';
import { AGENTS } from '../../server/agents/definitions/index.js';
import { loadConfig } from '../../server/config.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { type OpenAiStub, openAiEnv, startOpenAiStub } from '../helpers/openai-stub.js';
import { collectWs } from '../helpers/streams.js';

const YAML = `# Northwind's billing desk
agents:
  billing:
    title: Northwind Billing Desk
    backstory: You worked the phones at Northwind Fibre's billing office for ten years.
    policies:
      - Never promise a refund; only the tools can propose one.
      - Quote amounts in euros.
    tools: [list_invoices, get_invoice, search_knowledge_base]
  general:
    goal: Point customers to the right help article fast.
`;

describe('AGENTS_FILE', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crewdesk-agents-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the fields a YAML file gives and keeps the built-in rest', () => {
    const agents = loadAgentsFile(file('agents.yaml', YAML), AGENTS);
    expect(agents.billing).toMatchObject({
      name: 'billing',
      title: 'Northwind Billing Desk',
      role: AGENTS.billing.role,
      goal: AGENTS.billing.goal,
      policies: ['Never promise a refund; only the tools can propose one.', 'Quote amounts in euros.'],
      tools: ['list_invoices', 'get_invoice', 'search_knowledge_base'],
      handoffs: AGENTS.billing.handoffs,
    });
    expect(agents.general.goal).toBe('Point customers to the right help article fast.');
    expect(agents.general.backstory).toBe(AGENTS.general.backstory);
    expect(agents.technical).toEqual(AGENTS.technical);
    expect(AGENTS.billing.title).toBe('Billing Specialist');
  });

  it('reads the same from JSON', () => {
    const json = { agents: { technical: { role: 'Fixes fibre lines.', handoffs: ['billing'] } } };
    const agents = loadAgentsFile(file('agents.json', JSON.stringify(json)), AGENTS);
    expect(agents.technical).toMatchObject({ role: 'Fixes fibre lines.', handoffs: ['billing'] });
    expect(agents.billing).toEqual(AGENTS.billing);
  });

  it('lists every problem by its path', () => {
    const bad = file(
      'bad.yaml',
      `agents:
  billing:
    tools: [list_invoices, wire_money]
    handoffs: [billing, sales]
    role: "  "
    mood: cheerful
  sales:
    role: Sells things.
`,
    );
    let message = '';
    try {
      loadAgentsFile(bad, AGENTS);
    } catch (err) {
      expect(err).toBeInstanceOf(AgentsFileError);
      message = (err as Error).message;
    }
    expect(message).toContain(`AGENTS_FILE ${bad}: invalid agents file`);
    expect(message).toMatch(/agents\.billing\.tools\.1: must be one of list_invoices, /);
    expect(message).toContain('agents.billing.handoffs.0: an agent cannot hand off to itself');
    expect(message).toMatch(/agents\.billing\.handoffs\.1: must be one of billing, technical, escalation, general/);
    expect(message).toContain('agents.billing.role: must not be empty');
    expect(message).toMatch(/agents\.billing: Unrecognized key: "mood"/);
    expect(message).toMatch(/agents: Unrecognized key: "sales"/);
  });

  it('says what is wrong with a file it cannot read or parse', () => {
    expect(() => loadAgentsFile(join(dir, 'missing.yaml'), AGENTS)).toThrow(/missing\.yaml: cannot be read \(ENOENT\)/);
    expect(() => loadAgentsFile(file('broken.yaml', 'agents: [unclosed'), AGENTS)).toThrow(/not valid YAML/);
    expect(() => loadAgentsFile(file('broken.json', '{"agents":'), AGENTS)).toThrow(/not valid JSON/);
    expect(() => loadConfig({ AGENTS_FILE: 'agents.txt' }, false)).toThrow(
      /AGENTS_FILE: must be a \.yaml, \.yml or \.json file/,
    );
  });

  it('refuses to start the app with a bad file', async () => {
    const bad = file('start.yaml', 'agents:\n  billing:\n    tools: [wire_money]\n');
    await expect(startTestApp({ AGENTS_FILE: bad })).rejects.toThrow(/agents\.billing\.tools\.0/);
  });

  describe('in the running desk', () => {
    let t: TestApp;
    let stub: OpenAiStub;
    beforeAll(async () => {
      stub = await startOpenAiStub();
      t = await startTestApp({
        AGENTS_FILE: file('desk.yaml', YAML),
        ...openAiEnv(stub, { ROUTER: 'embedded', GUARDRAILS: 'false' }),
      });
    });
    afterAll(async () => {
      await t.stop();
      await stub.close();
    });

    it('shows the file’s agents in the agents query', async () => {
      const r = await t.gql('{ agents { name title backstory policies tools { name } } }');
      const billing = r.data.agents.find((a: { name: string }) => a.name === 'billing');
      expect(billing.title).toBe('Northwind Billing Desk');
      expect(billing.policies).toContain('Quote amounts in euros.');
      expect(billing.tools.map((x: { name: string }) => x.name)).toEqual([
        'list_invoices',
        'get_invoice',
        'search_knowledge_base',
      ]);
    });

    it('gives the model the file’s instructions and only its tools', async () => {
      stub.enqueue({ kind: 'text', text: 'Your last invoice was paid in full.' });
      const r = await t.gql('mutation($m: String!) { submitRequest(input: { message: $m }) { case { id } } }', {
        m: 'Why was my last invoice higher than usual? I was charged more this month',
      });
      const caseId = r.data.submitRequest.case.id;
      await collectWs(
        t.ws(),
        'subscription($caseId: ID!) { caseEvents(caseId: $caseId, after: 0) { __typename } }',
        { caseId },
        (evs: { __typename: string }[]) => evs.some((e) => e.__typename === 'MessageCompleted'),
      );
      const turn = stub.chatRequests.find((q) => q.body?.stream === true);
      const system: string = turn?.body.messages[0].content;
      expect(system).toContain('You are the Northwind Billing Desk');
      expect(system).toContain('ten years');
      expect(system).toContain('- Quote amounts in euros.');
      const tools = (turn?.body.tools ?? []).map((x: { function: { name: string } }) => x.function.name);
      expect(tools).toEqual(expect.arrayContaining(['list_invoices', 'get_invoice', 'search_knowledge_base']));
      expect(tools).not.toContain('request_refund');
    });
  });
});
