/// <reference lib="dom" />
/** Small React hooks the workspace shares. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import { deskFor } from './api.js';

/** Runs `fn` at most once per `ms`, trailing. */
export function useDebounced(fn: () => void, ms: number): () => void {
  const ref = useRef(fn);
  ref.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      ref.current();
    }, ms);
  }, [ms]);
}

/** The current time, ticking every `ms`. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

/**
 * A desk client for the token, made and disposed in an effect (so that StrictMode's second mount
 * gets a live client, not the one its first cleanup disposed); it reads the latest token on each request.
 */
export function useDesk(token: string | null): DeskClient | null {
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const [desk, setDesk] = useState<DeskClient | null>(null);
  useEffect(() => {
    if (!token) {
      setDesk(null);
      return;
    }
    const d = deskFor(() => tokenRef.current);
    setDesk(d);
    return () => {
      setDesk((cur) => (cur === d ? null : cur));
      void d.dispose();
    };
  }, [token]);
  return desk;
}
