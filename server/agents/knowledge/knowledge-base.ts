/** The company's help articles, loaded from markdown and searched with MiniSearch (BM25, fuzzy, prefix). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import MiniSearch from 'minisearch';
import { indexTerm, phraseHints, queryTerms } from './terms.js';

/** One help article. */
export interface Article {
  id: string;
  title: string;
  route: string | null;
  tags: string[];
  /** The first paragraph: a direct answer that stands alone. */
  summary: string;
  body: string;
}

/** A search hit. */
export interface ArticleHit {
  id: string;
  title: string;
  route: string | null;
  score: number;
  summary: string;
  /** The section of the article that best matches the query. */
  excerpt: string;
}

/** Loads and indexes the articles of a folder. */
export class KnowledgeBase {
  private readonly articles = new Map<string, Article>();
  private readonly index: MiniSearch<Article>;

  constructor(dir: string) {
    this.index = new MiniSearch<Article>({
      fields: ['title', 'tags', 'summary', 'body'],
      storeFields: ['id'],
      extractField: (doc, field) =>
        field === 'tags' ? doc.tags.join(' ') : (doc as unknown as Record<string, string>)[field],
      processTerm: (term) => indexTerm(term),
      searchOptions: {
        boost: { title: 3, tags: 2.5, summary: 1.5 },
        processTerm: (term) => queryTerms(term),
        // Typos are forgiven in longer words only: a fuzzy "commande" would find "command".
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        prefix: (term) => term.length >= 4,
        combineWith: 'OR',
      },
    });
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const parsed = matter(readFileSync(join(dir, file), 'utf8'));
      const data = parsed.data as { id?: string; title?: string; route?: string; tags?: string[] };
      const body = parsed.content.trim();
      const summary = body
        .split(/\n\s*\n/)[0]
        .replace(/\s+/g, ' ')
        .trim();
      const article: Article = {
        id: data.id ?? file.replace(/\.md$/, ''),
        title: data.title ?? file,
        route: data.route ?? null,
        tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
        summary,
        body,
      };
      this.articles.set(article.id, article);
    }
    this.index.addAll([...this.articles.values()]);
  }

  /** Number of articles loaded. */
  get size(): number {
    return this.articles.size;
  }

  /** One article by id. */
  get(id: string): Article | undefined {
    return this.articles.get(id);
  }

  /** Best articles for a query; a route hint boosts that agent's articles. */
  search(query: string, opts: { limit?: number; route?: string } = {}): ArticleHit[] {
    const { limit = 3, route } = opts;
    const hints = phraseHints(query);
    const results = this.index.search(hints.length ? `${query} ${hints.join(' ')}` : query, {
      boostDocument: (id) => (route && this.articles.get(String(id))?.route === route ? 1.3 : 1),
    });
    if (results.length === 0) return [];
    const top = results[0].score;
    return results
      .filter((r) => r.score >= top * 0.35)
      .flatMap((r) => {
        const a = this.articles.get(String(r.id));
        return a ? [{ a, r }] : [];
      })
      .slice(0, limit)
      .map(({ a, r }) => {
        return {
          id: a.id,
          title: a.title,
          route: a.route,
          score: Math.round(r.score * 100) / 100,
          summary: a.summary,
          excerpt: bestSection(a.body, r.terms),
        };
      });
  }
}

/** The `##` section of a body that holds most of the matched terms (without its heading). */
function bestSection(body: string, terms: string[]): string {
  const sections = body.split(/\n(?=## )/).slice(1);
  if (sections.length === 0) return '';
  let best = sections[0];
  let bestScore = -1;
  for (const s of sections) {
    const lower = s.toLowerCase();
    const score = terms.reduce((n, t) => n + (lower.includes(t) ? 1 : 0), 0);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best
    .replace(/^## [^\n]*\n/, '')
    .trim()
    .slice(0, 900);
}
