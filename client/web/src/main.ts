/// <reference lib="dom" />
/** The crewdesk web app: `#/` is the customer page, `#/operator` the operator workspace. */
import { createElement as h, type ReactNode, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CustomerPage } from './customer.js';
import { ErrorBoundary } from './error-boundary.js';
import { OperatorPage } from './operator.js';
import './styles.css';

function currentRoute(): 'customer' | 'operator' {
  return /^#\/operator\b/.test(location.hash) || location.pathname.replace(/\/+$/, '').endsWith('/operator')
    ? 'operator'
    : 'customer';
}

function App(): ReactNode {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = route === 'operator' ? 'crewdesk — operator workspace' : 'crewdesk — support';
  }, [route]);
  return h(
    'div',
    { className: 'app' },
    h('a', { className: 'skip', href: '#content' }, 'Skip to content'),
    h(
      'nav',
      { className: 'topnav', 'aria-label': 'Pages' },
      h('span', { className: 'brand' }, 'crewdesk'),
      h(
        'a',
        { href: '#/', 'aria-current': route === 'customer' ? 'page' : undefined, 'data-testid': 'nav-customer' },
        'Customer support',
      ),
      h(
        'a',
        {
          href: '#/operator',
          'aria-current': route === 'operator' ? 'page' : undefined,
          'data-testid': 'nav-operator',
        },
        'Operator workspace',
      ),
    ),
    h(
      'div',
      { id: 'content' },
      h(ErrorBoundary, { name: `${route} page` }, route === 'operator' ? h(OperatorPage) : h(CustomerPage)),
    ),
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(h(StrictMode, null, h(App)));
