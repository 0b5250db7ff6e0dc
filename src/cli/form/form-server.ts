// The protocol form's HTTP side: which requests it takes, and the checks before anything is read or written.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { t } from "../../i18n/translate.js";
import { escapeHtml } from "../../util/escape-html.js";
import { type Answer, advanceDeal, createDeal, type FormContext, saveDeal, showDeal, showNew } from "./form-actions.js";

/** A protocol is a few kilobytes; a deal file may be at most the configured size, and its form a bit more. */
export const MAX_BODY_BYTES = 1024 * 1024;

const SLUG = "[a-z0-9][a-z0-9-]{0,79}";
const ROUTES = [
  { pattern: /^\/new\/?$/, kind: "new" },
  { pattern: new RegExp(`^/edit/(${SLUG})/?$`), kind: "edit" },
  { pattern: new RegExp(`^/advance/(${SLUG})/?$`), kind: "advance" },
] as const;

/** A fresh token for one run of `serve`: every form carries it, a POST without it is refused. */
export function newToken(): string {
  return randomBytes(32).toString("hex");
}

function sameToken(given: string | null, token: string): boolean {
  const a = Buffer.from(given ?? "", "utf8");
  const b = Buffer.from(token, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Headers of every form answer: nothing here may be framed or read by another site (no CORS header at all),
 * scripts and styles only this page's own (by nonce), forms post only back here.
 */
function headers(nonce: string): Record<string, string> {
  return {
    "Content-Security-Policy": `default-src 'self'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data:; frame-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'`,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Not no-referrer: with it the browser sends `Origin: null` on the form's own POST.
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

function send(response: ServerResponse, nonce: string, status: number, html: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers(nonce), "Content-Type": "text/html; charset=utf-8", ...extra });
  response.end(html);
}

function plain(language: FormContext["language"], text: string): string {
  return `<!doctype html><html lang="${language}"><meta charset="utf-8"><title>protokoll</title><p>${escapeHtml(text)}</p></html>`;
}

/** A POST from a page of another origin (its browser says so): refused before its body is read. */
function crossSite(request: IncomingMessage, port: number): boolean {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  return !["localhost", "127.0.0.1", "[::1]"].some(
    (host) => origin === `http://${host}:${port}` || (port === 80 && origin === `http://${host}`),
  );
}

async function readBody(request: IncomingMessage): Promise<Buffer | "too-large"> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) return "too-large";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The request handler of the form: `GET /new`, `GET /edit/<slug>`, `POST` to both, `POST /advance/<slug>`.
 * Returns false for every other path (the site answers those). The server in front has already refused a
 * foreign `Host` (src/render/serve-site.ts) and listens on loopback only.
 */
export function formHandler(context: FormContext, port: number): (request: IncomingMessage, response: ServerResponse) => boolean {
  return (request, response) => {
    const pathname = (request.url ?? "/").split("?")[0] ?? "/";
    const route = ROUTES.map((r) => ({ kind: r.kind, match: r.pattern.exec(pathname) })).find((r) => r.match);
    if (!route?.match) {
      if (/^\/(new|edit|advance)(\/|$)/.test(pathname)) {
        send(
          response,
          newToken(),
          404,
          plain(context.language, t(context.language, "form.notFound", { slug: pathname.slice(0, 100) })),
        );
        return true;
      }
      return false;
    }
    const nonce = randomBytes(16).toString("base64");
    const slug = route.match[1] ?? "";
    void answer(context, port, request, route.kind, slug, nonce)
      .then((result) => {
        if (result.status === 303) {
          response.writeHead(303, { ...headers(nonce), Location: result.location });
          response.end();
        } else
          send(response, nonce, result.status, result.html, "allow" in result && result.allow ? { Allow: result.allow } : {});
      })
      .catch((error: unknown) => {
        if (!response.headersSent)
          send(response, nonce, 500, plain(context.language, String(error instanceof Error ? error.message : error)));
        else response.end();
      });
    return true;
  };
}

type Refusal = { status: 403 | 405 | 413 | 415; html: string; allow?: string };

async function answer(
  context: FormContext,
  port: number,
  request: IncomingMessage,
  kind: "new" | "edit" | "advance",
  slug: string,
  nonce: string,
): Promise<Answer | Refusal> {
  const lang = context.language;
  const method = request.method ?? "GET";
  if ((method === "GET" || method === "HEAD") && kind !== "advance") {
    return kind === "new" ? showNew(context, nonce) : showDeal(context, slug, nonce);
  }
  if (method !== "POST") return { status: 405, html: plain(lang, t(lang, "form.method")), allow: "GET, POST" };
  if (crossSite(request, port)) return { status: 403, html: plain(lang, t(lang, "form.forbidden")) };
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return { status: 415, html: plain(lang, t(lang, "form.wrongType")) };
  const bytes = await readBody(request);
  if (bytes === "too-large") return { status: 413, html: plain(lang, t(lang, "form.tooLarge")) };
  const body = new URLSearchParams(bytes.toString("utf8"));
  if (!sameToken(body.get("token"), context.token)) return { status: 403, html: plain(lang, t(lang, "form.forbidden")) };
  if (kind === "new") return createDeal(context, body, nonce);
  if (kind === "edit") return saveDeal(context, slug, body, nonce);
  return advanceDeal(context, slug, body, nonce);
}
