// Coverage plans in the PostgreSQL store: each save under a name becomes that name's next version.
import type pg from 'pg';
import { PLAN_SUMMARY_COLUMNS, type Row } from './rows.js';
import type { PlanRecord } from './store.js';

/** First key of the advisory lock taken per plan name while saving a plan. */
const PLAN_LOCK = 726_178;

export const LIST_PLANS = `SELECT ${PLAN_SUMMARY_COLUMNS} FROM coverage_plans ORDER BY created_at DESC, name, version DESC`;

/** Saves inside the caller's transaction. */
export async function savePlan(client: pg.PoolClient, plan: Omit<PlanRecord, 'version'>): Promise<PlanRecord> {
  // Two saves under one name at once would both pick the same next version; the lock makes them take turns.
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PLAN_LOCK, plan.name]);
  const [r] = (await client.query<Row>('SELECT MAX(version) AS v FROM coverage_plans WHERE name = $1', [plan.name])).rows;
  const version = (r.v === null ? 0 : Number(r.v)) + 1;
  await client.query(
    'INSERT INTO coverage_plans (id, name, version, params, result, summary, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [plan.id, plan.name, version, plan.params, plan.result, plan.summary, plan.createdBy, plan.createdAt],
  );
  return { ...plan, version };
}
