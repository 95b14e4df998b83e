/**
 * Reporter forms are answered with a redirect (Post/Redirect/Get), a refusal or the next step going along as a
 * draft (src/domain/reporter/drafts.ts). `shownAfter` does what a browser does: follows the 303 and loads the page.
 */
import type { TestApp } from './app.ts';

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;

/**
 * The page a form post leads to, shown from a draft.
 * @throws when the post was not answered with a 303 to a page with `?draft=`
 */
export async function shownAfter(t: TestApp, posted: Response, cookie?: string): Promise<Response> {
  const location = posted.headers.location;
  if (posted.statusCode !== 303 || typeof location !== 'string' || !/[?&]draft=[A-Za-z0-9_-]{43}(#|$)/.test(location))
    throw new Error(
      `expected a 303 to a draft, got ${posted.statusCode} ${location ?? ''} ${posted.body.slice(0, 300)}`,
    );
  return t.app.inject({ method: 'GET', url: location.split('#')[0]!, headers: cookie ? { cookie } : {} });
}
