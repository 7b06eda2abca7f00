import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ExtensionApi } from '../api/extension-api';

export const ApiContext = createContext<ExtensionApi | null>(null);

export function useApi(): ExtensionApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext.Provider> above it');
  return api;
}
