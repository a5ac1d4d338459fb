/** Vitest global setup of the `postgresql` project: one PostgreSQL for the run, stopped at the end. */
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres.js';

/** Starts PostgreSQL (or takes TEST_DATABASE_URL) and hands its URL to the test files. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pg = await startTestPostgres();
  project.provide('postgresUrl', pg.url);
  return () => pg.stop();
}
