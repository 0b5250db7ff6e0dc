import { loadConfig } from "../config/load-config.js";
import { analyse } from "../pipeline.js";
import { todayIn } from "../time/plain-date.js";
import { assembleSite } from "./assemble-site.js";
import { SiteData } from "./eleventy-plugin.js";

/** The site data when Eleventy runs without `protokoll build`: deals/ in the working directory, today. */
export async function standaloneSite(): Promise<SiteData> {
  const { config } = await loadConfig();
  const analysis = await analyse({ dealsDir: "deals", today: todayIn(config.timeZone), config });
  return new SiteData(assembleSite(analysis), { pdfs: {}, extras: false });
}
