/// <reference lib="dom" />
/**
 * crewdesk's GraphiQL, built by Vite and served by the desk at /graphql (no CDN): the welcome and
 * stream tabs, the headers editor for HTTP and WebSocket, and the Stream panel.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_HEADERS, STREAM_TAB, STREAM_VARIABLES, SUBMIT_TAB } from './examples.js';
import { createDeskFetcher } from './fetcher.js';
import { createStreamPlugin } from './stream-plugin.js';
import { createStreamStore } from './stream-store.js';

const httpUrl = new URL('/graphql', location.href).href;
const wsUrl = httpUrl.replace(/^http/, 'ws');
const store = createStreamStore();
const streamPlugin = createStreamPlugin(store);
const fetcher = createDeskFetcher({ httpUrl, wsUrl, store });

const root = document.getElementById('graphiql');
if (!root) throw new Error('no #graphiql element');
createRoot(root).render(
  h(
    StrictMode,
    null,
    h(GraphiQL, {
      fetcher,
      plugins: [streamPlugin],
      visiblePlugin: streamPlugin,
      defaultHeaders: DEFAULT_HEADERS,
      defaultEditorToolsVisibility: 'headers',
      defaultTabs: [
        { query: SUBMIT_TAB, headers: DEFAULT_HEADERS },
        { query: STREAM_TAB, variables: STREAM_VARIABLES, headers: DEFAULT_HEADERS },
      ],
      defaultQuery: SUBMIT_TAB,
    }),
  ),
);
