/**
 * `/docs`: interactive API docs that work offline — one page, no CDN, that reads `/openapi.json`,
 * lists every operation with its parameters and body schema, and sends requests ("Try it").
 * (`/docs/swagger` redirects here: Swagger UI needed a CDN and was blank offline.)
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Entente API</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;max-width:1000px;margin:1.5rem auto;padding:0 1rem;color:#1a1a1a}
h1{margin:.2rem 0} .op{border:1px solid #ccd;border-radius:6px;margin:.6rem 0}
.op>summary{cursor:pointer;padding:.5rem .7rem;list-style:none;display:flex;gap:.7rem;align-items:baseline}
.op>summary:focus-visible{outline:3px solid #0072B2}
.m{font:600 12px ui-monospace,monospace;padding:.1rem .4rem;border-radius:3px;color:#fff;min-width:3.5rem;text-align:center}
.get{background:#0072B2}.post{background:#00704F}.put{background:#8A5A00}.delete{background:#A63A00}
.path{font-family:ui-monospace,monospace}.body{padding:.2rem .9rem .9rem}
textarea{width:100%;min-height:8rem;font:12px ui-monospace,monospace}
pre{background:#f5f6f8;padding:.6rem;overflow:auto;max-height:24rem;font-size:12px}
label{display:block;margin:.3rem 0} input{font:inherit}
.tag{margin-top:1.4rem;text-transform:capitalize}
</style></head><body>
<h1>Entente API</h1>
<p>Every operation of <a href="/openapi.json">/openapi.json</a>. Open one, fill in its parameters and body, and send it.
Token (only when the server sets ENTENTE_TOKEN): <input id="token" type="password" autocomplete="off" aria-label="Bearer token"></p>
<div id="ops">Loading…</div>
<script type="module">
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'})[c]);
const spec = await (await fetch('/openapi.json')).json();
const byTag = {};
for (const [path, item] of Object.entries(spec.paths)) for (const [method, op] of Object.entries(item)) {
  const tag = (op.tags && op.tags[0]) || 'other'; (byTag[tag] ||= []).push({ path, method, op });
}
const root = document.getElementById('ops'); root.textContent = '';
let n = 0;
for (const [tag, ops] of Object.entries(byTag)) {
  const h = document.createElement('h2'); h.className = 'tag'; h.textContent = tag; root.append(h);
  for (const { path, method, op } of ops) {
    const id = 'op' + n++;
    const params = op.parameters || [];
    const body = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
    const d = document.createElement('details'); d.className = 'op';
    d.innerHTML = '<summary><span class="m ' + method + '">' + method.toUpperCase() + '</span><span class="path">' + esc(path) + '</span><span>' + esc(op.summary || '') + '</span></summary>' +
      '<div class="body">' + (op.description ? '<p>' + esc(op.description) + '</p>' : '') +
      params.map((p, i) => '<label>' + esc(p.name) + ' <small>(' + esc(p.in) + (p.required ? ', required' : '') + ')</small> <input id="' + id + 'p' + i + '" data-name="' + esc(p.name) + '" data-in="' + esc(p.in) + '"></label>').join('') +
      (body ? '<label for="' + id + 'b">JSON body</label><textarea id="' + id + 'b">' + esc(JSON.stringify(example(body.schema), null, 2)) + '</textarea>' : '') +
      '<button id="' + id + 's">Send</button><pre id="' + id + 'o" aria-live="polite"></pre></div>';
    root.append(d);
    d.querySelector('#' + id + 's').addEventListener('click', async () => {
      let url = path; const q = new URLSearchParams();
      params.forEach((p, i) => { const v = document.getElementById(id + 'p' + i).value; if (!v) return;
        if (p.in === 'path') url = url.replace('{' + p.name + '}', encodeURIComponent(v)); else if (p.in === 'query') q.set(p.name, v); });
      const headers = {}; const tok = document.getElementById('token').value; if (tok) headers.authorization = 'Bearer ' + tok;
      const init = { method: method.toUpperCase(), headers };
      if (body) { headers['content-type'] = 'application/json'; init.body = document.getElementById(id + 'b').value; }
      const out = document.getElementById(id + 'o'); out.textContent = '…';
      const res = await fetch(url + (q.size ? '?' + q : ''), init);
      const type = res.headers.get('content-type') || '';
      const text = type.includes('pdf') ? '(PDF, ' + (await res.arrayBuffer()).byteLength + ' bytes)' : await res.text();
      let shown = text; try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
      out.textContent = res.status + ' ' + res.statusText + '\\n' + shown.slice(0, 20000);
    });
  }
}
function example(s) {
  if (!s) return {};
  if (s.$ref) return example(spec.components.schemas[s.$ref.split('/').pop()]);
  if (s.example !== undefined) return s.example;
  if (s.type === 'object' && s.properties) { const o = {}; for (const [k, v] of Object.entries(s.properties)) if ((s.required || []).includes(k) || k === 'builtin') o[k] = k === 'builtin' ? 'east-asia-coalition-2025' : example(v); return o; }
  if (s.enum) return s.enum[0];
  return s.type === 'string' ? '' : s.type === 'array' ? [] : s.type === 'number' || s.type === 'integer' ? 0 : s.type === 'boolean' ? false : null;
}
</script></body></html>`;
