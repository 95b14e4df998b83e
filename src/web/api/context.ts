import { createContext, useContext } from 'react';
import type { StaffApi } from './staff.ts';

export const ApiContext = createContext<StaffApi | null>(null);

export function useApi(): StaffApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext> provider.');
  return api;
}
