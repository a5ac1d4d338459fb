/// <reference lib="dom" />
/** Message text as safe markdown: `marked` renders it, DOMPurify strips anything that could run. */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { createElement as h, type ReactNode, useMemo } from 'react';

const marked = new Marked({ gfm: true, breaks: true, async: false });
let purifier: ReturnType<typeof DOMPurify> | null = null;

/** One DOMPurify instance for the page, made on first use, that also makes links open safely in a new tab. */
function purify(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
  purifier = p;
  return p;
}

/** Markdown to sanitised HTML: no scripts, event handlers, styles, forms or javascript: URLs. */
function markdownToHtml(text: string): string {
  const html = (marked.parse(text) as string).trim();
  return purify().sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style', 'class', 'id'],
  });
}

/** A block of markdown; the HTML is rebuilt only when the text changes. */
export function Markdown(props: { text: string; className?: string; testId?: string }): ReactNode {
  const html = useMemo(() => markdownToHtml(props.text), [props.text]);
  return h('div', {
    className: `md ${props.className ?? ''}`.trim(),
    'data-testid': props.testId,
    // biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML is DOMPurify's output (markdownToHtml).
    dangerouslySetInnerHTML: { __html: html },
  });
}
