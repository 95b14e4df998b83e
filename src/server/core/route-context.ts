/** What every route plugin is built with: the domain's dependencies and how the server is reached. */
import type { Deps } from '../../domain/deps.ts';

export interface RouteContext {
  deps: Deps;
  /** Send cookies with the Secure flag (the public URL is https). */
  secureCookies: boolean;
  /** The public base URL, as configured (`CONFIDE_PUBLIC_URL`). */
  publicUrl: string;
}
