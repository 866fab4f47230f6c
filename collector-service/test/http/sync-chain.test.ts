/** A route's middleware and handler run as one handler: answered synchronously while every step is, correctly either way. */
import { Hono, type MiddlewareHandler } from 'hono';
import { chain } from '../../src/http/sync-chain';

const answer = (fetched: Response | Promise<Response>) => Promise.resolve(fetched).then((res) => res.text());

describe('chain', () => {
  const passes: MiddlewareHandler = (c, next) => {
    c.header('x-passed', 'yes');
    return next();
  };

  test('steps that pass on at once give an answer at once, not a promise', async () => {
    const app = new Hono();
    app.get(
      '/x',
      chain([passes, passes], (c) => c.text('hello'))
    );
    const fetched = app.fetch(new Request('http://h/x'));
    expect(fetched).toBeInstanceOf(Response);
    expect(await answer(fetched)).toBe('hello');
    expect((fetched as Response).headers.get('x-passed')).toBe('yes');
  });

  test('a step that waits, or a handler that does, still gets its answer through, later', async () => {
    const waits: MiddlewareHandler = async (_c, next) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await next();
    };
    const app = new Hono();
    app.get(
      '/step',
      chain([passes, waits, passes], (c) => c.text('after a wait'))
    );
    app.get(
      '/handler',
      chain([passes], async (c) => c.text(await Promise.resolve('handler waited')))
    );
    const stepped = app.fetch(new Request('http://h/step'));
    expect(stepped).toBeInstanceOf(Promise);
    expect(await answer(stepped)).toBe('after a wait');
    expect(await answer(app.fetch(new Request('http://h/handler')))).toBe('handler waited');
  });

  test('a step that answers stops the chain; one that throws reaches the error handler', async () => {
    const handler = jest.fn((c) => c.text('never'));
    const app = new Hono();
    app.get('/refused', chain([(c) => Promise.resolve(c.text('refused', 429))], handler));
    app.get('/thrown', chain([() => { throw new Error('no key'); }], handler)); // prettier-ignore
    app.onError((err, c) => c.text(`caught: ${err.message}`, 401));
    const refused = await app.fetch(new Request('http://h/refused'));
    expect([refused.status, await refused.text()]).toEqual([429, 'refused']);
    const thrown = await app.fetch(new Request('http://h/thrown'));
    expect([thrown.status, await thrown.text()]).toEqual([401, 'caught: no key']);
    expect(handler).not.toHaveBeenCalled();
  });

  test('middleware that reads the answer after next() sees it, as under Hono', async () => {
    const seen: number[] = [];
    const logs: MiddlewareHandler = (c, next) => Promise.resolve(next()).then(() => void seen.push(c.res.status));
    const app = new Hono();
    app.get(
      '/x',
      chain([logs], (c) => c.text('made', 201))
    );
    const res = await app.fetch(new Request('http://h/x'));
    expect([res.status, await res.text()]).toEqual([201, 'made']);
    expect(seen).toEqual([201]);
  });
});
