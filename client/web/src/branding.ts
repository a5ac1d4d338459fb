/// <reference lib="dom" />
/** The company's name, colour and support hours from the desk's config (the public `branding` query), applied once. */
import { useEffect, useState } from 'react';
import { type Branding, fetchBranding } from '../../src/desk-client.js';
import { GRAPHQL_URL } from './api.js';

let loading: Promise<Branding | null> | null = null;

/** Black or white text, whichever reads better on `hex` (WCAG relative luminance). */
function textOn(hex: string): string {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '#000000' : '#ffffff';
}

/** Loads the branding (once per page) and sets the title and the accent colour; null when the desk is unreachable. */
function loadBranding(): Promise<Branding | null> {
  loading ??= fetchBranding(GRAPHQL_URL).then(
    (b) => {
      document.title = `${b.companyName} support`;
      const root = document.documentElement.style;
      root.setProperty('--accent', b.brandColor);
      root.setProperty('--accent-text', textOn(b.brandColor));
      return b;
    },
    () => {
      loading = null;
      return null;
    },
  );
  return loading;
}

/** The desk's branding, once loaded (null until then). */
export function useBranding(): Branding | null {
  const [branding, setBranding] = useState<Branding | null>(null);
  useEffect(() => {
    let live = true;
    void loadBranding().then((b) => {
      if (live) setBranding(b);
    });
    return () => {
      live = false;
    };
  }, []);
  return branding;
}
