/** What GET /api/v1/console/config answers (apps/api/src/console/console-config.ts). */
export interface ConsoleConfig {
  oidc: { authority: string; clientId: string; redirectUri: string | null; scope: string };
  temporalUiUrl: string;
  temporalNamespace: string;
  gatewayUrl: string;
  devTokens: boolean;
  refreshSeconds: number;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/api/v1/console/config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`console settings unavailable (HTTP ${response.status})`);
  return (await response.json()) as ConsoleConfig;
}

/** The workflow of a transition in the Temporal UI (workflow id = transition id). */
export function temporalWorkflowUrl(config: ConsoleConfig, transitionId: string): string {
  const namespace = encodeURIComponent(config.temporalNamespace);
  return `${config.temporalUiUrl}/namespaces/${namespace}/workflows/${encodeURIComponent(transitionId)}`;
}
