import { createContext, useContext } from 'react';
import type { Api } from './api';
import type { Auth } from './auth';
import type { ConsoleConfig } from './config';

export interface ConsoleContext {
  api: Api;
  auth: Auth;
  config: ConsoleConfig;
}

export const Console = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  const value = useContext(Console);
  if (!value) throw new Error('useConsole outside <Console.Provider>');
  return value;
}
