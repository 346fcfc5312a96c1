// Shared HTML for the hosted pages: escaping, the document shell and its inline stylesheet.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

const STYLES = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a2e;background:#f4f4f8}
main{max-width:34rem;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #dcdce6;border-radius:12px;padding:1.5rem;margin-bottom:1rem}
.badge{display:inline-block;font-size:.75rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase;background:#ffe9a8;color:#5c4500;border-radius:999px;padding:.1rem .6rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:0 0 .75rem}
p{margin:.25rem 0 .75rem}.muted{color:#555566}
dl.summary{display:grid;grid-template-columns:1fr auto;gap:.35rem 1rem;margin:0}
dl.summary dt{color:#444455}dl.summary dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
dl.summary .total{font-weight:700;border-top:1px solid #dcdce6;padding-top:.5rem;margin-top:.25rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=email]{width:100%;padding:.6rem .7rem;font:inherit;border:1px solid #8a8a9e;border-radius:8px;background:#fff}
input[readonly]{background:#efeff4;color:#333344}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #3d5afe;outline-offset:2px}
input[aria-invalid=true]{border-color:#b00020}
.row{display:grid;grid-template-columns:1fr 1fr;gap:0 1rem}
.check{display:flex;gap:.5rem;align-items:center;font-weight:400}
button{font:inherit;font-weight:600;border:0;border-radius:8px;padding:.7rem 1.1rem;cursor:pointer;background:#3d5afe;color:#fff}
button.secondary{background:#e6e8f5;color:#1a1a2e}button.danger{background:#fdecee;color:#8a0015}
button.wide{width:100%;margin-top:1.25rem}
.inline{display:flex;gap:.5rem;align-items:flex-end}.inline>div{flex:1}
.alert{border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem;background:#fdecee;color:#8a0015;border:1px solid #f4b6bf}
.notice{border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem;background:#e7f6ec;color:#0b5323;border:1px solid #a6dbb6}
.hint{font-size:.875rem;color:#555566;margin:.25rem 0 0}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.75rem}.actions form{margin:0}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.4rem .25rem;border-bottom:1px solid #ececf2}
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<p><span class="badge">Test mode · local CREEM emulator</span></p>
${body}
</main>
</body>
</html>`;
}

/** A whole page that explains what went wrong (unknown links, expired checkouts, ...). */
export function messagePage(title: string, message: string, extra = ""): string {
  return page(
    title,
    `<div class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${extra}</div>`,
  );
}

export const alertBox = (message: string | undefined, id = "form-error"): string =>
  message ? `<div class="alert" role="alert" id="${id}">${escapeHtml(message)}</div>` : "";

export const noticeBox = (message: string | undefined): string =>
  message ? `<div class="notice" role="status">${escapeHtml(message)}</div>` : "";
