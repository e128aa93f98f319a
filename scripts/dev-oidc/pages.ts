// DEV ONLY: the provider's sign-in and consent pages, plain HTML with no script.
import { personas } from './personas';

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} (DEV ONLY)</title>
<style>
  body { font: 16px/1.4 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  .dev { background: #b00020; color: #fff; padding: .5rem 1rem; border-radius: .25rem; }
  button { display: block; width: 100%; text-align: left; margin: .5rem 0; padding: .75rem 1rem; font: inherit; cursor: pointer; }
  small { color: #555; }
</style>
</head>
<body>
<p class="dev"><strong>DEV ONLY</strong>: a development sign-in with made-up personas and no passwords. A hospital signs in through its own identity provider.</p>
${body}
</body>
</html>`;
}

/** Pick a persona: each button signs in as one. */
export function loginPage(uid: string, clientName: string): string {
  const buttons = personas
    .map(
      (p) =>
        `<button type="submit" name="persona" value="${escapeHtml(p.id)}"><strong>${escapeHtml(p.name)}</strong> (${escapeHtml(p.id)})<br>` +
        `<small>${escapeHtml(p.description)}; roles: ${escapeHtml(p.roles.join(', '))}; facilities ${escapeHtml(p.facilities.join(', '))}</small></button>`,
    )
    .join('\n');
  return layout(
    'Sign in',
    `<h1>Sign in to ${escapeHtml(clientName)}</h1>
<p>Who are you today?</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
${buttons}
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Cancel</button></form>`,
  );
}

/** Allow the client what it asked for, or cancel. */
export function consentPage(uid: string, clientName: string, scopes: readonly string[]): string {
  const list = scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return layout(
    'Allow access',
    `<h1>${escapeHtml(clientName)} asks for</h1>
<ul>${list || '<li>nothing new</li>'}</ul>
<form method="post" action="/interaction/${escapeHtml(uid)}/confirm"><button type="submit">Allow</button></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Cancel</button></form>`,
  );
}
