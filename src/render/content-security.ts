/*
 * Every HTML page scale-audit writes forbids scripts and every request, whatever template drew it:
 * a replaced template (`--template-dir`) could drop the policy or add a `<script>`, and a page that
 * can run code or fetch would turn a report on an untrusted repository into an attack on whoever
 * opens it. The policy is the first element of the document, before anything a template wrote,
 * so nothing can run before it applies; a template's own policies can only narrow it further.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const LEADING_DOCTYPE = /^\s*<!doctype[^>]*>/i;

export function withContentSecurityPolicy(html: string): string {
  const body = html.replace(LEADING_DOCTYPE, '');
  return `<!DOCTYPE html>\n<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">${body}`;
}
