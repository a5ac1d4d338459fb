/// <reference lib="dom" />
/** The crewdesk web app: `#/` is the customer page, `#/operator` the operator dashboard. */
import { Component, type ErrorInfo, createElement as h, type ReactNode, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CustomerPage } from './customer.js';
import { OperatorPage } from './operator.js';
import './styles.css';

function currentRoute(): 'customer' | 'operator' {
  return /^#\/operator\b/.test(location.hash) || location.pathname.replace(/\/+$/, '').endsWith('/operator')
    ? 'operator'
    : 'customer';
}

/** Keeps a page's crash on that page: a message and a way back instead of a blank window. */
class PageBoundary extends Component<{ page: string; children?: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`the ${this.props.page} page failed`, error, info.componentStack);
  }

  override componentDidUpdate(prev: { page: string }) {
    // Another page starts clean.
    if (prev.page !== this.props.page && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return h(
      'div',
      { className: 'error', role: 'alert', 'data-testid': 'page-error' },
      h('p', null, `Something went wrong on this page: ${this.state.error.message}`),
      h('button', { type: 'button', onClick: () => this.setState({ error: null }) }, 'Try again'),
    );
  }
}

function App(): ReactNode {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = route === 'operator' ? 'crewdesk — operator dashboard' : 'crewdesk — support';
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
        'Operator dashboard',
      ),
    ),
    h(
      'div',
      { id: 'content' },
      h(PageBoundary, { page: route }, route === 'operator' ? h(OperatorPage) : h(CustomerPage)),
    ),
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(h(StrictMode, null, h(App)));
