/** Reads under a budget: PostgreSQL's statement_timeout stops a slow statement, and a request that goes away cancels it. */
import { connectPostgres, type SqlClient } from '../../src/storage/sql-client';
import { QueryBudget } from '../../src/limits';
import { createTestDatabase, silentLog, type TestDatabase } from '../support/services';

describe('bounded reads on PostgreSQL', () => {
  let db: TestDatabase;
  let sql: SqlClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    sql = connectPostgres(db.url, silentLog);
  });
  afterAll(async () => {
    await sql.close();
    await db.drop();
  });

  test('a statement past its timeout is cancelled by the server, and the budget names QUERY_TIMEOUT_MS', async () => {
    const budget = new QueryBudget({ timeoutMs: 200, maxSamples: 10 });
    const failure = sql
      .query('SELECT pg_sleep(30)', [], budget.sqlBounds())
      .catch((err: unknown) => budget.explain(err));
    await expect(failure).resolves.toMatchObject({
      status: 422,
      code: 'query_timeout',
      message: expect.stringContaining('QUERY_TIMEOUT_MS=200'),
    });
  });

  test('a client that goes away cancels its statement on the server', async () => {
    const client = new AbortController();
    const budget = new QueryBudget({ timeoutMs: 60_000, maxSamples: 10 }, { signal: client.signal });
    const running = sql
      .query('SELECT pg_sleep(30)', [], budget.sqlBounds())
      .catch((err: unknown) => budget.explain(err));
    setTimeout(() => client.abort(), 200);
    await expect(running).resolves.toMatchObject({ code: 'client_closed' });
    // The connection went back to the pool clean: the next read works.
    await expect(sql.query<{ one: number }>('SELECT 1 AS one', [], { timeoutMs: 1_000 })).resolves.toEqual([
      { one: 1 },
    ]);
  });

  test('a cancel that arrives as its statement ends on its own never stops the next statement on that connection', async () => {
    // The deadline's abort and statement_timeout fire together: the cancel request is still on its way when
    // the statement has failed, and the connection would be pooled for the next read.
    for (let i = 0; i < 20; i++) {
      const budget = new QueryBudget({ timeoutMs: 100, maxSamples: 10 });
      await sql.query('SELECT pg_sleep(0.1)', [], budget.sqlBounds()).catch(() => undefined);
      await expect(sql.query('SELECT pg_sleep(0.05)')).resolves.toHaveLength(1);
    }
  });

  test('a bounded read is read-only', async () => {
    await expect(sql.query('CREATE TABLE nope (x int)', [], { timeoutMs: 1_000 })).rejects.toThrow(
      /read-only transaction/
    );
  });
});
