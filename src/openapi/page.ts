// A readable API page rendered from the OpenAPI document: no scripts, no CDN, nothing to load.

interface Doc {
  info: { title: string; description?: string };
  paths?: object;
}
type Paths = Record<string, Record<string, Operation | undefined> | undefined>;
interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pre = (v: unknown) => `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`;

export function renderDocsPage(doc: Doc): string {
  const ops = Object.entries((doc.paths ?? {}) as Paths).flatMap(([path, methods]) =>
    Object.entries(methods ?? {}).map(([method, op]) => renderOperation(method, path, op ?? {})),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2330}
h2{font-size:1rem;margin:0}details{border:1px solid #d5dae3;border-radius:6px;margin:.5rem 0;padding:.5rem .75rem}
summary{cursor:pointer}code.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
pre{background:#f4f6f9;padding:.5rem;overflow:auto;font-size:13px}.lock{color:#8a5a00}
</style></head><body>
<h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description ?? '')} The machine-readable document is at <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
${ops.join('\n')}
</body></html>`;
}

function renderOperation(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? []).map(
    (p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''})</li>`,
  );
  const reqSchema = op.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(op.responses ?? {}).map(
    ([status, r]) => `<li><b>${esc(status)}</b> ${esc(r.description ?? '')}</li>`,
  );
  return `<details><summary><code class="m">${esc(method)}</code> <code>${esc(path)}</code> — ${esc(op.summary ?? '')}${
    // Operations inherit the document's bearer security; public ones say `security: []`.
    op.security?.length === 0 ? '' : ' <span class="lock">(bearer token)</span>'
  }</summary>
${params.length ? `<h2>Parameters</h2><ul>${params.join('')}</ul>` : ''}
${reqSchema ? `<h2>Request body</h2>${pre(reqSchema)}` : ''}
<h2>Responses</h2><ul>${responses.join('')}</ul></details>`;
}
