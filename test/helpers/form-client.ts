// The protocol form as a client without a browser uses it: raw HTTP requests, and a form read back as a browser
// would send it.
import { request } from "node:http";

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to `serve` on `port`, with the right `Host` and a form body unless told otherwise. */
export function sendTo(
  port: number,
  method: string,
  urlPath: string,
  body = "",
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: urlPath,
        headers: { Host: `localhost:${port}`, "Content-Type": "application/x-www-form-urlencoded", ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The form as a browser would send it back: every named control with its value (a minimal HTML reader). */
export function fieldsOf(html: string): URLSearchParams {
  const fields = new URLSearchParams();
  const decode = (text: string) => text.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
  const form = html.slice(html.indexOf('<form method="post" action="/edit') || html.indexOf("<form"));
  const main = form.slice(0, form.indexOf("</form>"));
  for (const match of main.matchAll(/<input [^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*>/g)) {
    // A browser sends a checkbox only when it is ticked.
    if (match[0].includes('type="checkbox"') && !/ checked[ >]/.test(match[0])) continue;
    fields.append(decode(match[1] ?? ""), decode(match[2] ?? ""));
  }
  for (const match of main.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>\n([^<]*)<\/textarea>/g))
    fields.append(decode(match[1] ?? ""), decode(match[2] ?? ""));
  for (const match of main.matchAll(/<select [^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected>/.exec(match[2] ?? "");
    fields.append(decode(match[1] ?? ""), decode(selected?.[1] ?? ""));
  }
  return fields;
}
