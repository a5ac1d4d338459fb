/**
 * The OpenAPI 3 document of the REST API (`GET /openapi.json`). Enums and field descriptions are
 * read from the GraphQL schema the routes run on, so the two cannot drift apart.
 */
import { type GraphQLSchema, isEnumType, isInputObjectType } from 'graphql';
import { SUPPORT_ROUTES } from './support.routes.js';

const ROUTE_SUMMARY: Record<keyof typeof SUPPORT_ROUTES, string> = {
  request: 'Submit a request; the desk routes it to the agent that fits',
  billing: 'Submit a billing request (invoices, payments, refunds, plans)',
  technical: 'Submit a technical request (connectivity, devices, error codes)',
  escalation: 'Submit a request for the escalation agent (complaints, safety, fraud, legal)',
  complex: 'Submit a request that spans several areas; a crew of agents answers once',
};

/** Values of a GraphQL enum of the schema. */
function enumValues(schema: GraphQLSchema, name: string): string[] {
  const type = schema.getType(name);
  return isEnumType(type) ? type.getValues().map((v) => v.name) : [];
}

/** The description of a field of a GraphQL input type. */
function inputDescription(schema: GraphQLSchema, type: string, field: string): string | undefined {
  const t = schema.getType(type);
  return isInputObjectType(t) ? (t.getFields()[field]?.description ?? undefined) : undefined;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** Builds the document. */
export function createOpenApiDocument(schema: GraphQLSchema, opts: { version: string; maxWaitSeconds: number }) {
  const routes = enumValues(schema, 'Route').map((r) => r.toLowerCase());
  const statuses = enumValues(schema, 'CaseStatus');
  const post = (name: keyof typeof SUPPORT_ROUTES) => ({
    post: {
      operationId: `support${name.charAt(0).toUpperCase()}${name.slice(1)}`,
      summary: ROUTE_SUMMARY[name],
      description: `Runs the GraphQL mutation submitRequest with requestType ${SUPPORT_ROUTES[name]}, then waits for the agents' answer on the case's events (up to ${opts.maxWaitSeconds} s, or ?wait=). With Accept: text/event-stream the case's events are streamed instead, one SSE event per case event (named by its GraphQL type), then an "answer" event.`,
      tags: ['support'],
      parameters: [
        {
          name: 'wait',
          in: 'query',
          required: false,
          description: `Seconds to wait for the answer (0: answer at once with the case id; at most ${opts.maxWaitSeconds})`,
          schema: { type: 'number', minimum: 0 },
        },
      ],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/SupportRequest' } } },
      },
      responses: {
        200: {
          description: 'The agents answered',
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/SupportResponse' } },
            'text/event-stream': { schema: { type: 'string', description: 'The case events, then an answer event' } },
          },
        },
        202: {
          description: 'Stored; no answer yet (wait=0 or the wait ran out): poll GET /support/status?case_id=',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/SupportResponse' } } },
        },
        400: errorResponse('Bad input (BAD_USER_INPUT with field, BAD_REQUEST)'),
        401: errorResponse('No valid token (UNAUTHENTICATED)'),
        403: errorResponse('Not allowed (FORBIDDEN), e.g. a customer_id other than the token’s'),
        404: errorResponse('A follow-up’s case_id that does not exist or is not yours (NOT_FOUND)'),
        409: errorResponse('The case is closed (CONFLICT)'),
        413: errorResponse('Body too large (PAYLOAD_TOO_LARGE)'),
        415: errorResponse('Body not sent as application/json (UNSUPPORTED_MEDIA_TYPE)'),
        429: errorResponse('Rate limited (RATE_LIMITED, retry_after seconds, Retry-After header)'),
        503: errorResponse('The desk is shutting down (SERVICE_UNAVAILABLE)'),
      },
    },
  });
  return {
    openapi: '3.0.3',
    info: {
      title: 'crewdesk REST API',
      version: opts.version,
      description:
        'The seed’s REST endpoints on top of crewdesk’s GraphQL API (POST /graphql, subscriptions over WebSocket and SSE). Every call needs a JWT (Authorization: Bearer …), as the GraphQL API does; rate limits and error codes are the same.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    paths: {
      ...Object.fromEntries(
        (Object.keys(SUPPORT_ROUTES) as (keyof typeof SUPPORT_ROUTES)[]).map((n) => [`/support/${n}`, post(n)]),
      ),
      '/support/status': {
        get: {
          operationId: 'supportStatus',
          summary: 'The desk’s state, or with case_id the latest answer on a case',
          tags: ['support'],
          parameters: [{ name: 'case_id', in: 'query', required: false, schema: { type: 'string' } }],
          responses: {
            200: {
              description: 'With case_id: the case’s latest answer; without: the desk’s state',
              content: {
                'application/json': {
                  schema: {
                    oneOf: [
                      { $ref: '#/components/schemas/SupportResponse' },
                      { $ref: '#/components/schemas/DeskState' },
                    ],
                  },
                },
              },
            },
            401: errorResponse('No valid token (UNAUTHENTICATED)'),
            404: errorResponse('No such case, or not yours (NOT_FOUND)'),
          },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        SupportRequest: {
          type: 'object',
          required: ['message'],
          properties: {
            message: { type: 'string', description: inputDescription(schema, 'SubmitRequestInput', 'message') },
            customer_id: {
              type: 'string',
              nullable: true,
              description: 'Optional; the customer comes from the token, and another customer’s id is refused (403)',
            },
            context: {
              type: 'object',
              nullable: true,
              additionalProperties: true,
              description: inputDescription(schema, 'SubmitRequestInput', 'context'),
            },
            emergency: { type: 'boolean', nullable: true, default: false },
            case_id: {
              type: 'string',
              nullable: true,
              description: inputDescription(schema, 'SubmitRequestInput', 'caseId'),
            },
            idempotency_key: {
              type: 'string',
              nullable: true,
              description: inputDescription(schema, 'SubmitRequestInput', 'idempotencyKey'),
            },
          },
        },
        SupportResponse: {
          type: 'object',
          required: ['response', 'agent_type', 'timestamp', 'case_id', 'status'],
          properties: {
            response: { type: 'string', nullable: true, description: 'The answer (null while there is none)' },
            agent_type: {
              type: 'string',
              nullable: true,
              description: `The agent that answered: ${routes.join(', ')}, a crew as billing+technical, or system`,
            },
            timestamp: { type: 'string', format: 'date-time' },
            case_id: { type: 'string' },
            status: { type: 'string', enum: statuses },
            message_id: { type: 'string', nullable: true },
            citations: { type: 'array', items: { type: 'string' }, description: 'Titles of the articles cited' },
          },
        },
        DeskState: {
          type: 'object',
          properties: {
            status: { type: 'string', example: 'ok' },
            agents: { type: 'array', items: { type: 'string' } },
            timestamp: { type: 'string', format: 'date-time' },
          },
        },
        Error: {
          type: 'object',
          required: ['error', 'code'],
          properties: {
            error: { type: 'string' },
            code: { type: 'string', example: 'BAD_USER_INPUT' },
            field: { type: 'string' },
            retry_after: { type: 'number' },
          },
        },
      },
    },
  };
}
